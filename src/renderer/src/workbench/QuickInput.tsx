/** showQuickPick / showInputBox from extensions, as a VS Code-style box at the top. */
import { useState } from "react";
import { ExtensionQuickInput } from "./ExtensionQuickInput.js";
import { QueryPickBox } from "./QueryPickBox.js";
import { useStore } from "./store.js";
import type { WorkbenchServices } from "./workbench-services.js";

export const QuickInputBox = ({ services }: { services: WorkbenchServices }) => {
  const q = useStore(services.quickInput);
  const [value, setValue] = useState("");
  const extensionInput = useStore(services.features.quickInput);
  // createQuickPick / createInputBox (and showQuickPick / showInputBox built on them).
  if (extensionInput) return <ExtensionQuickInput features={services.features} />;
  if (!q) return null;
  if (q.kind === "query")
    return <QueryPickBox key={q.placeHolder} pick={q} close={() => services.quickInput.set(undefined)} />;
  const close = (answer: () => void) => {
    services.quickInput.set(undefined);
    setValue("");
    answer();
  };
  if (q.kind === "input") {
    return (
      <div className="quick-input" data-testid="quick-input">
        <input
          autoFocus
          type={q.request.password ? "password" : "text"}
          placeholder={q.request.placeHolder ?? q.request.prompt ?? ""}
          defaultValue={q.request.value ?? ""}
          onKeyDown={(e) => {
            if (e.key === "Enter") close(() => q.resolve((e.target as HTMLInputElement).value));
            if (e.key === "Escape") close(() => q.resolve(null));
          }}
        />
        {q.request.prompt && <div className="quick-hint">{q.request.prompt}</div>}
      </div>
    );
  }
  const items = q.request.items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.label.toLowerCase().includes(value.toLowerCase()));
  return (
    <div className="quick-input" data-testid="quick-input">
      <input
        autoFocus
        placeholder={q.request.placeHolder ?? ""}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && items[0]) close(() => q.resolve(items[0]!.index));
          if (e.key === "Escape") close(() => q.resolve(null));
        }}
      />
      <ul>
        {items.map(({ item, index }) => (
          <li key={index}>
            <button type="button" onClick={() => close(() => q.resolve(index))}>
              {item.label} {item.description && <span className="muted">{item.description}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
};
