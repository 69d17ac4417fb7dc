/**
 * The built-in TypeScript and JSON support in real Chromium, against the real servers
 * (typescript-language-server + tsserver, vscode-json-languageservice) through the unmodified
 * vscode-languageclient: a strict two-file project (test/support/typescript-project.ts), driven
 * by mouse and keys. These tests only look (the edits are in typescript-project-edits.test.ts,
 * which Vitest runs in parallel): one window, one server, for the whole file.
 */
import { expect, it } from "vitest";
import { describeTsProject, isActiveTab, openFile, positionOf } from "../support/typescript-project.js";
import { cursor, editorLines, editorText, goTo, nudgeUntilShown, tab } from "../support/workbench-page.js";

describeTsProject("a TypeScript project in the workbench, real TypeScript server", (ts) => {
  const showMain = async () => {
    await tab(ts.page, "main.ts").click();
    await expect.poll(() => isActiveTab(ts.page, "main.ts")).toBe("true");
  };

  it("the type error is in the Problems panel and squiggled under the misspelt member", async () => {
    await showMain();
    await ts.page.getByTestId("status-problems").click();
    const problem = ts.page
      .getByTestId("problem")
      .filter({ hasText: "Property 'incremnt' does not exist on type 'Counter'" });
    await problem.waitFor({ timeout: 30_000 });
    const { line, column } = positionOf("src/main.ts", "incremnt");
    expect(await problem.textContent()).toContain(`main.ts [Ln ${line}, Col ${column}]`);
    // Exactly that one error in the project's open files.
    expect(await ts.page.getByTestId("problem").count()).toBe(1);

    // The squiggle sits on line 6 (`counter.incremnt(1);`), over the member name.
    const squiggle = ts.page.locator(".monaco-editor .squiggly-error").first();
    const misspelt = editorLines(ts.page)
      .locator("span", { hasText: /^incremnt$/ })
      .first();
    const [s, w] = await Promise.all([squiggle.boundingBox(), misspelt.boundingBox()]);
    expect(s && w).toBeTruthy();
    expect(Math.abs(s!.y - w!.y)).toBeLessThan(w!.height);
    expect(Math.abs(s!.x - w!.x)).toBeLessThan(2);
    expect(Math.abs(s!.width - w!.width)).toBeLessThan(2);
  });

  it("hovering a name shows its type from the server", async () => {
    await showMain();
    const word = editorLines(ts.page)
      .locator("span", { hasText: /^total$/ })
      .first();
    const hover = ts.page.locator(".monaco-hover .hover-contents").filter({ hasText: "const total: number" });
    // The first hover may come before the project is loaded: move away and back until it answers.
    await nudgeUntilShown(hover, async () => {
      await editorLines(ts.page).hover({ position: { x: 2, y: 2 } });
      await word.hover();
    });
  });

  it("F12 on an imported name opens util.ts at its definition; Shift+F12 peeks the references in both files", async () => {
    await showMain();
    const use = positionOf("src/main.ts", "formatTotal", 2, 1);
    await goTo(ts.page, use.line, use.column);
    await ts.page.keyboard.press("F12");
    await expect.poll(() => isActiveTab(ts.page, "util.ts"), { timeout: 20_000 }).toBe("true");
    const def = positionOf("src/util.ts", "formatTotal");
    // The definition's name is selected (or the cursor is at its start), as VS Code does.
    await expect
      .poll(() => cursor(ts.page))
      .toMatch(new RegExp(`Ln ${def.line}, Col (${def.column}|${def.column + 11})`));

    await ts.page.keyboard.press("Shift+F12");
    const peek = ts.page.locator(".monaco-editor .peekview-widget");
    await peek.waitFor({ timeout: 20_000 });
    // The declaration in util.ts, and the import and the call in main.ts: 3 references in 2 files.
    await expect
      .poll(async () => (await peek.locator(".peekview-title").textContent()) ?? "", { timeout: 20_000 })
      .toContain("References (3)");
    await expect
      .poll(() => peek.locator(".reference-file .label-name").allTextContents())
      .toEqual(expect.arrayContaining(["main.ts", "util.ts"]));
    await ts.page.keyboard.press("Escape");
    await expect.poll(() => peek.count()).toBe(0);
  });

  it("the Outline view and Ctrl+Shift+O list the symbols of util.ts", async () => {
    await openFile(ts.page, "util.ts");
    await ts.page.getByTestId("sidebar-tab-outline").click();
    const item = (name: string) => ts.page.locator(`[data-testid="outline-item"][data-name="${name}"]`);
    await item("Counter").waitFor({ timeout: 30_000 });
    // Counter's members nest under it, as tsserver's navigation tree gives them.
    await expect
      .poll(() => ts.page.locator('[data-testid="outline-item"]').evaluateAll((es) => es.map((e) => e.dataset["name"])))
      .toEqual(["Counter", "count", "increment", "formatTotal"]);
    await item("increment").click();
    await expect.poll(() => cursor(ts.page)).toMatch(new RegExp(`Ln ${positionOf("src/util.ts", "increment").line},`));

    await editorLines(ts.page).click();
    await ts.page.keyboard.press("Control+Shift+O");
    const quick = ts.page.locator(".quick-input-widget");
    await quick.getByText("formatTotal").first().waitFor({ timeout: 10_000 });
    await ts.page.keyboard.type("formatT");
    await ts.page.keyboard.press("Enter");
    await expect
      .poll(() => cursor(ts.page))
      .toMatch(new RegExp(`Ln ${positionOf("src/util.ts", "formatTotal").line},`));
    await ts.page.getByTestId("sidebar-tab-explorer").click();
  });

  it("Ctrl+T asks the server with what is typed (tsserver answers nothing for an empty query) and opens the pick", async () => {
    await showMain();
    await editorLines(ts.page).click();
    await ts.page.keyboard.press("Control+t");
    const quick = ts.page.getByTestId("quick-input");
    await quick.waitFor();
    await ts.page.keyboard.type("formatTot");
    await quick.getByText("formatTotal").first().waitFor({ timeout: 20_000 });
    await ts.page.keyboard.press("Enter");
    await expect.poll(() => isActiveTab(ts.page, "util.ts"), { timeout: 20_000 }).toBe("true");
    await expect
      .poll(() => cursor(ts.page))
      .toMatch(new RegExp(`Ln ${positionOf("src/util.ts", "formatTotal").line},`));
  });

  it("semantic colouring: a const's uses take its declaration's colour, method calls keep theirs", async () => {
    await showMain();
    const colourOf = (lineText: string, word: string) =>
      editorLines(ts.page)
        .locator(".view-line", { hasText: lineText })
        .first()
        .locator("span span", { hasText: new RegExp(`^${word}$`) })
        .first()
        .evaluate((e) => ({ color: getComputedStyle(e).color, className: e.className }));
    // TextMate scopes `const counter` as variable.other.constant but a use (`counter.incremnt`) as
    // variable.other.object; the server marks both readonly, which VS Code colours as a constant.
    // `increment` is a `member` token (VS Code's deprecated name for `method`): it keeps the
    // function colour TextMate gives the unresolved `incremnt`, never the plain foreground.
    // `console` (a defaultLibrary variable) keeps the variable colour. Checked together: the
    // tokens arrive over a few hundred milliseconds.
    const state = async () => {
      const [declared, used, method, unresolved, plain, library] = await Promise.all([
        colourOf("const counter", "counter"),
        colourOf("counter.incremnt", "counter"),
        colourOf("const total", "increment"),
        colourOf("counter.incremnt", "incremnt"),
        colourOf("const total", ";"),
        colourOf("console.log", "console"),
      ]);
      return {
        useLikeDeclaration: used.color === declared.color && used.className === declared.className,
        constantNotVariable: declared.color !== library.color,
        methodLikeFunction: method.color === unresolved.color,
        methodNotPlain: method.color !== plain.color,
      };
    };
    await expect.poll(state, { timeout: 30_000 }).toEqual({
      useLikeDeclaration: true,
      constantNotVariable: true,
      methodLikeFunction: true,
      methodNotPlain: true,
    });
  });

  it("inlay hints show parameter names once typescript.inlayHints.parameterNames.enabled is set", async () => {
    await showMain();
    // formatTotal(total, "items"): `total` matches its parameter's name (no hint, as in VS Code), "items" gets `unit:`.
    await expect.poll(() => editorText(ts.page), { timeout: 30_000 }).toMatch(/formatTotal\(total, unit: ?"items"\)/);
    // counter.increment(2): `step:`.
    expect(await editorText(ts.page)).toMatch(/increment\(step: ?2\)/);
    expect(await ts.page.locator(".monaco-editor [class*='dyn-rule']").count()).toBeGreaterThan(0);
  });

  it("JSON: package.json completes the keys of its schema", async () => {
    await ts.page.locator('[data-testid="explorer-item"][data-name="package.json"]').click();
    await expect.poll(() => isActiveTab(ts.page, "package.json")).toBe("true");
    // After `"private": true` add a key: `,` + newline, then ask for completions.
    await goTo(ts.page, 4, '  "private": true'.length + 1);
    await ts.page.keyboard.type(",");
    await ts.page.keyboard.press("Enter");
    const rows = ts.page.locator(".suggest-widget .monaco-list-row");
    // The schema association arrives after the server started: ask again until it is applied.
    await nudgeUntilShown(rows.filter({ hasText: "dependencies" }), async () => {
      await ts.page.keyboard.press("Escape");
      await ts.page.keyboard.press("Control+Space");
    });
    const labels = await rows.allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["dependencies", "devDependencies", "description"]));
    // Keys already present are not offered again.
    expect(labels).not.toContain("name");
    expect(labels).not.toContain("version");
    // Accepting one inserts the key with the value its schema gives (an object).
    await rows
      .filter({ hasText: /^dependencies$/ })
      .first()
      .click();
    await expect.poll(() => editorText(ts.page)).toMatch(/"dependencies": \{/);
  });
});
