// Regenerates the built-in language extensions (extensions/builtin/lang-*) from the
// `tm-grammars` npm package: VS Code's own TextMate grammars (MIT, see each folder's
// LICENSE/NOTICE), plus a VS Code-style language-configuration.json per language.
// Run after updating tm-grammars: `node scripts/builtin-languages.mjs`.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const grammarsDir = join(root, "node_modules/tm-grammars/grammars");
const tmVersion = JSON.parse(readFileSync(join(grammarsDir, "../package.json"), "utf8")).version;

const pairs = (list, notIn = {}) =>
  list.map(([open, close]) => (notIn[open] ? { open, close, notIn: notIn[open] } : { open, close }));
const BRACKETS = [
  ["{", "}"],
  ["[", "]"],
  ["(", ")"],
];
const cLike = {
  comments: { lineComment: "//", blockComment: ["/*", "*/"] },
  brackets: BRACKETS,
  autoClosingPairs: pairs([...BRACKETS, ["'", "'"], ['"', '"'], ["`", "`"], ["/**", " */"]], {
    "'": ["string", "comment"],
    '"': ["string"],
    "`": ["string", "comment"],
    "/**": ["string"],
  }),
  surroundingPairs: [...BRACKETS, ["'", "'"], ['"', '"'], ["`", "`"]],
  wordPattern:
    "(-?\\d*\\.\\d\\w*)|([^\\`\\~\\!\\@\\#\\%\\^\\&\\*\\(\\)\\-\\=\\+\\[\\{\\]\\}\\\\\\|\\;\\:\\'\\\"\\,\\.\\<\\>\\/\\?\\s]+)",
  indentationRules: {
    increaseIndentPattern: "^((?!\\/\\/).)*(\\{[^}\"'`]*|\\([^)\"'`]*|\\[[^\\]\"'`]*)$",
    decreaseIndentPattern: "^((?!.*?\\/\\*).*\\*/)?\\s*[\\}\\]\\)].*$",
  },
  folding: { markers: { start: "^\\s*//\\s*#?region\\b", end: "^\\s*//\\s*#?endregion\\b" } },
};
const hashComment = (extra = {}) => ({
  comments: { lineComment: "#" },
  brackets: BRACKETS,
  autoClosingPairs: pairs([...BRACKETS, ["'", "'"], ['"', '"']], { "'": ["string"], '"': ["string"] }),
  surroundingPairs: [...BRACKETS, ["'", "'"], ['"', '"']],
  ...extra,
});

/** folder → languages and grammars, VS Code's ids and scope names. */
const LANGUAGES = {
  typescript: [
    {
      id: "typescript",
      aliases: ["TypeScript", "ts"],
      extensions: [".ts", ".mts", ".cts"],
      grammar: "typescript",
      scopeName: "source.ts",
      configuration: cLike,
    },
    {
      id: "typescriptreact",
      aliases: ["TypeScript JSX", "tsx"],
      extensions: [".tsx"],
      grammar: "tsx",
      scopeName: "source.tsx",
      configuration: cLike,
    },
  ],
  javascript: [
    {
      id: "javascript",
      aliases: ["JavaScript", "js"],
      extensions: [".js", ".mjs", ".cjs"],
      grammar: "javascript",
      scopeName: "source.js",
      configuration: cLike,
    },
    {
      id: "javascriptreact",
      aliases: ["JavaScript JSX", "jsx"],
      extensions: [".jsx"],
      grammar: "jsx",
      scopeName: "source.js.jsx",
      configuration: cLike,
    },
  ],
  json: [
    {
      id: "json",
      aliases: ["JSON"],
      extensions: [".json"],
      grammar: "json",
      scopeName: "source.json",
      configuration: {
        comments: { lineComment: "//", blockComment: ["/*", "*/"] },
        brackets: [
          ["{", "}"],
          ["[", "]"],
        ],
        autoClosingPairs: pairs(
          [
            ["{", "}"],
            ["[", "]"],
            ['"', '"'],
          ],
          { '"': ["string"] },
        ),
        indentationRules: {
          increaseIndentPattern:
            '({+(?=((\\\\.|[^"\\\\])*"(\\\\.|[^"\\\\])*")*[^"}]*)$)|(\\[+(?=((\\\\.|[^"\\\\])*"(\\\\.|[^"\\\\])*")*[^"\\]]*)$)',
          decreaseIndentPattern: "^\\s*[}\\]],?\\s*$",
        },
      },
    },
  ],
  markdown: [
    {
      id: "markdown",
      aliases: ["Markdown", "md"],
      extensions: [".md", ".markdown"],
      grammar: "markdown",
      scopeName: "text.html.markdown",
      configuration: {
        comments: { blockComment: ["<!--", "-->"] },
        brackets: BRACKETS,
        autoClosingPairs: pairs([...BRACKETS, ["<", ">"]], { "<": ["string"] }),
        surroundingPairs: [...BRACKETS, ["`", "`"], ["_", "_"], ["*", "*"]],
        folding: { markers: { start: "^\\s*<!--\\s*#?region\\b.*-->", end: "^\\s*<!--\\s*#?endregion\\b.*-->" } },
      },
    },
  ],
  css: [
    {
      id: "css",
      aliases: ["CSS"],
      extensions: [".css"],
      grammar: "css",
      scopeName: "source.css",
      configuration: {
        comments: { blockComment: ["/*", "*/"] },
        brackets: BRACKETS,
        autoClosingPairs: pairs([...BRACKETS, ['"', '"'], ["'", "'"]], { '"': ["string"], "'": ["string"] }),
        surroundingPairs: [...BRACKETS, ['"', '"'], ["'", "'"]],
        wordPattern: "(#?-?\\d*\\.\\d\\w*%?)|(::?[\\w-]*(?=[^,{;]*[,{]))|(([@#.!])?[\\w-?]+%?|[@#!.])",
        folding: {
          markers: {
            start: "^\\s*\\/\\*\\s*#region\\b\\s*(.*?)\\s*\\*\\/",
            end: "^\\s*\\/\\*\\s*#endregion\\b.*\\*\\/",
          },
        },
      },
    },
  ],
  html: [
    {
      id: "html",
      aliases: ["HTML", "htm"],
      extensions: [".html", ".htm"],
      grammar: "html",
      scopeName: "text.html.basic",
      embeddedLanguages: { "source.css": "css", "source.js": "javascript" },
      configuration: {
        comments: { blockComment: ["<!--", "-->"] },
        brackets: [
          ["<!--", "-->"],
          ["{", "}"],
          ["(", ")"],
        ],
        autoClosingPairs: pairs([
          ["{", "}"],
          ["[", "]"],
          ["(", ")"],
          ["'", "'"],
          ['"', '"'],
        ]),
        surroundingPairs: [
          ["'", "'"],
          ['"', '"'],
          ["{", "}"],
          ["[", "]"],
          ["(", ")"],
          ["<", ">"],
        ],
        wordPattern:
          "(-?\\d*\\.\\d\\w*)|([^\\`\\~\\!\\@\\$\\^\\&\\*\\(\\)\\=\\+\\[\\{\\]\\}\\\\\\|\\;\\:\\'\\\"\\,\\.\\<\\>\\/\\s]+)",
      },
    },
  ],
  python: [
    {
      id: "python",
      aliases: ["Python", "py"],
      extensions: [".py", ".pyi"],
      grammar: "python",
      scopeName: "source.python",
      configuration: hashComment({
        comments: { lineComment: "#", blockComment: ['"""', '"""'] },
        indentationRules: {
          increaseIndentPattern:
            "^\\s*(?:def|class|for|if|elif|else|while|try|with|finally|except|async|match|case)\\b.*:\\s*$",
          decreaseIndentPattern: "^\\s*(?:elif|else|except|finally)\\b.*:\\s*$",
        },
        folding: { offSide: true, markers: { start: "^\\s*#\\s*region\\b", end: "^\\s*#\\s*endregion\\b" } },
      }),
    },
  ],
  yaml: [
    {
      id: "yaml",
      aliases: ["YAML", "yml"],
      extensions: [".yaml", ".yml"],
      grammar: "yaml",
      scopeName: "source.yaml",
      configuration: hashComment({
        indentationRules: {
          increaseIndentPattern: "^\\s*.*(:|-) ?(&\\w+)?(\\{[^}\"']*|\\([^)\"']*)?$",
          decreaseIndentPattern: "^\\s+\\}$",
        },
        folding: { offSide: true },
      }),
    },
  ],
  shellscript: [
    {
      id: "shellscript",
      aliases: ["Shell Script", "shell", "bash", "sh"],
      extensions: [".sh", ".bash", ".zsh"],
      filenames: [".bashrc", ".bash_profile", ".profile", ".zshrc"],
      grammar: "shellscript",
      scopeName: "source.shell",
      configuration: hashComment({
        autoClosingPairs: pairs([...BRACKETS, ["'", "'"], ['"', '"'], ["`", "`"]], {
          "'": ["string"],
          '"': ["string"],
          "`": ["string"],
        }),
        surroundingPairs: [...BRACKETS, ["'", "'"], ['"', '"'], ["`", "`"]],
      }),
    },
  ],
};

/** tm-grammars' NOTICE, reduced to the sections of the grammars this folder ships. */
const NOTICE = readFileSync(join(grammarsDir, "../NOTICE"), "utf8");
const SEPARATOR = "=".repeat(105);
const noticeFor = (files) => {
  const sections = NOTICE.split(SEPARATOR).filter((section) => {
    const listed = /^\s*Files:\s*(.*)$/m.exec(section)?.[1] ?? "";
    return files.some((f) => listed.split(/[\s,]+/).includes(f));
  });
  return `Grammars copied from tm-grammars ${tmVersion} (MIT, https://github.com/shikijs/textmate-grammars-themes);\ntheir original licences:\n${sections.map((s) => SEPARATOR + s).join("")}`;
};

const builtin = join(root, "extensions/builtin");
for (const [folder, languages] of Object.entries(LANGUAGES)) {
  const dir = join(builtin, `lang-${folder}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "syntaxes"), { recursive: true });
  copyFileSync(join(grammarsDir, "../LICENSE"), join(dir, "LICENSE"));
  writeFileSync(join(dir, "NOTICE"), noticeFor(languages.map((l) => `${l.grammar}.json`)));
  for (const l of languages) {
    copyFileSync(join(grammarsDir, `${l.grammar}.json`), join(dir, "syntaxes", `${l.grammar}.tmLanguage.json`));
    writeFileSync(join(dir, `${l.id}.language-configuration.json`), JSON.stringify(l.configuration, null, 2) + "\n");
  }
  const manifest = {
    name: `lang-${folder}`,
    publisher: "direct-editor",
    displayName: `${languages[0].aliases[0]} Language Basics`,
    description: `Syntax highlighting (VS Code's TextMate grammar, from tm-grammars ${tmVersion}) and language configuration.`,
    version: "1.0.0",
    license: "MIT",
    engines: { vscode: "^1.90.0" },
    contributes: {
      languages: languages.map((l) => ({
        id: l.id,
        aliases: l.aliases,
        extensions: l.extensions,
        ...(l.filenames ? { filenames: l.filenames } : {}),
        configuration: `./${l.id}.language-configuration.json`,
      })),
      grammars: languages.map((l) => ({
        language: l.id,
        scopeName: l.scopeName,
        path: `./syntaxes/${l.grammar}.tmLanguage.json`,
        ...(l.embeddedLanguages ? { embeddedLanguages: l.embeddedLanguages } : {}),
      })),
    },
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
}
console.log(`wrote ${Object.keys(LANGUAGES).length} language extensions from tm-grammars ${tmVersion}`);
