/**
 * `createQuickPick` / `createInputBox` (and showQuickPick / showInputBox built on them): the
 * host's state rendered as VS Code's quick input — title bar with step and buttons, filter,
 * items with separators, checkboxes and item buttons, inline validation — and every user action
 * reported back (value, active, selection, buttons, accept, hide).
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type {
  InputBoxStateDto,
  QuickInputButtonDto,
  QuickPickStateDto,
} from "../../../protocol/contracts/quick-input.js";
import type { FeatureServices } from "./feature-services.js";
import { Highlighted } from "./fuzzy.js";
import { filterQuickPick } from "./quick-pick-filter.js";
import { useStore } from "./store.js";
import { Icon } from "./views/TreeView.js";

const Buttons = ({
  buttons,
  onClick,
  testId,
}: {
  buttons: readonly QuickInputButtonDto[];
  onClick: (index: number) => void;
  testId: string;
}) => (
  <>
    {buttons.map((b, i) => (
      <button
        key={i}
        type="button"
        className="quick-button"
        title={b.tooltip ?? (b.icon === "back" ? "Back" : "")}
        aria-label={b.tooltip ?? (b.icon === "back" ? "Back" : `button ${i + 1}`)}
        data-testid={testId}
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.stopPropagation();
          onClick(i);
        }}
      >
        <Icon icon={b.icon === "back" ? { codicon: "arrow-left" } : b.icon} />
      </button>
    ))}
  </>
);

const TitleBar = ({ state, features }: { state: QuickPickStateDto | InputBoxStateDto; features: FeatureServices }) =>
  state.title !== undefined || state.buttons.length > 0 ? (
    <div className="quick-title" data-testid="quick-title">
      <span>
        {state.title}
        {state.step !== undefined && (
          <span className="muted">
            {" "}
            ({state.step}
            {state.totalSteps !== undefined ? `/${state.totalSteps}` : ""})
          </span>
        )}
      </span>
      <span className="quick-buttons">
        <Buttons
          buttons={state.buttons}
          testId="quick-title-button"
          onClick={(button) => features.quickHost.quickInputButton({ id: state.id, button })}
        />
      </span>
    </div>
  ) : null;

/** ignoreFocusOut false (the default): a click or focus elsewhere hides the input, as in VS Code. */
const useHideOnFocusOut = (
  container: RefObject<HTMLDivElement | null>,
  ignoreFocusOut: boolean,
  features: FeatureServices,
  id: number,
): void => {
  useEffect(() => {
    if (ignoreFocusOut) return;
    const outside = (e: Event) => {
      if (e.target instanceof Node && container.current?.contains(e.target)) return;
      features.hideQuickInput(id);
    };
    window.addEventListener("mousedown", outside, true);
    window.addEventListener("focusin", outside, true);
    return () => {
      window.removeEventListener("mousedown", outside, true);
      window.removeEventListener("focusin", outside, true);
    };
  }, [container, ignoreFocusOut, features, id]);
};

/** The typed text, until the extension sets another value itself. */
const useValue = (hostValue: string): [string, (text: string) => void] => {
  const [edit, setEdit] = useState({ base: hostValue, text: hostValue });
  return [edit.base === hostValue ? edit.text : hostValue, (text) => setEdit({ base: hostValue, text })];
};

const Pick = ({ state, features }: { state: QuickPickStateDto; features: FeatureServices }) => {
  const [value, setValue] = useValue(state.value);
  const id = state.id;
  const sortByLabel = state.sortByLabel ?? true;
  const rows = useMemo(
    () =>
      filterQuickPick(state.items, value, {
        matchOnDescription: state.matchOnDescription,
        matchOnDetail: state.matchOnDetail,
        sortByLabel,
      }),
    [state.items, state.matchOnDescription, state.matchOnDetail, sortByLabel, value],
  );
  const pickable = rows.map((r) => r.item).filter((i) => !i.separator);
  const container = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useHideOnFocusOut(container, state.ignoreFocusOut, features, id);
  // New items scroll the list back to the top unless keepScrollPosition.
  const keepScroll = state.keepScrollPosition ?? false;
  useEffect(() => {
    if (!keepScroll && list.current) list.current.scrollTop = 0;
  }, [state.items, keepScroll]);
  const [active, setActive] = useState<number | undefined>(undefined);
  const activeHandle =
    active !== undefined && pickable.some((i) => i.handle === active)
      ? active
      : (state.activeItems.find((h) => pickable.some((i) => i.handle === h)) ?? pickable[0]?.handle);
  const reported = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (activeHandle === reported.current) return;
    reported.current = activeHandle;
    features.quickHost.quickInputActive({ id, handles: activeHandle === undefined ? [] : [activeHandle] });
  }, [activeHandle, features, id]);
  const selected = new Set(state.selectedItems);
  const toggle = (handle: number) => {
    const next = new Set(selected);
    if (next.has(handle)) next.delete(handle);
    else next.add(handle);
    features.quickHost.quickInputSelection({ id, handles: [...next] });
  };
  const accept = (handle = activeHandle) => {
    if (!state.enabled) return;
    if (!state.canSelectMany && handle !== undefined) features.quickHost.quickInputSelection({ id, handles: [handle] });
    features.quickHost.quickInputAccept({ id });
  };
  const moveActive = (delta: number) => {
    const index = pickable.findIndex((i) => i.handle === activeHandle);
    const next = pickable[(index + delta + pickable.length) % Math.max(1, pickable.length)];
    if (!next) return;
    setActive(next.handle);
    list.current?.querySelector(`[data-handle="${next.handle}"]`)?.scrollIntoView({ block: "nearest" });
  };
  return (
    <div className="quick-input ext-quick-input" data-testid="ext-quick-pick" data-id={id} ref={container}>
      <TitleBar state={state} features={features} />
      <input
        autoFocus
        placeholder={state.placeholder ?? ""}
        value={value}
        disabled={!state.enabled}
        data-testid="quick-input-value"
        onChange={(e) => {
          setValue(e.target.value);
          setActive(undefined);
          features.quickHost.quickInputValue({ id, value: e.target.value });
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") moveActive(1);
          else if (e.key === "ArrowUp") moveActive(-1);
          else if (e.key === "Enter") accept();
          else if (e.key === "Escape") features.hideQuickInput(id);
          else if (e.key === " " && state.canSelectMany && e.ctrlKey && activeHandle !== undefined)
            toggle(activeHandle);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {state.busy && <div className="quick-busy" data-testid="quick-busy" />}
      <ul role="listbox" aria-multiselectable={state.canSelectMany} ref={list}>
        {rows.map(({ item, label, description, detail }) =>
          item.separator ? (
            <li key={item.handle} className="quick-separator" role="separator">
              {item.label}
            </li>
          ) : (
            <li key={item.handle} role="option" aria-selected={item.handle === activeHandle}>
              <button
                type="button"
                className={item.handle === activeHandle ? "selected" : ""}
                data-testid="quick-item"
                data-label={item.label}
                data-handle={item.handle}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(item.handle)}
                onClick={() => (state.canSelectMany ? toggle(item.handle) : accept(item.handle))}
              >
                {state.canSelectMany && (
                  <input type="checkbox" readOnly checked={selected.has(item.handle)} tabIndex={-1} />
                )}
                <span className="quick-label">
                  <Highlighted text={item.label} positions={label} />
                </span>
                {item.description && (
                  <span className="muted">
                    <Highlighted text={item.description} positions={description} />
                  </span>
                )}
                {item.detail && (
                  <span className="quick-detail">
                    <Highlighted text={item.detail} positions={detail} />
                  </span>
                )}
                {item.buttons && (
                  <span className="quick-buttons">
                    <Buttons
                      buttons={item.buttons}
                      testId="quick-item-button"
                      onClick={(button) => features.quickHost.quickInputItemButton({ id, item: item.handle, button })}
                    />
                  </span>
                )}
              </button>
            </li>
          ),
        )}
      </ul>
      {state.canSelectMany && (
        <button type="button" className="primary" onClick={() => accept()} data-testid="quick-ok">
          OK
        </button>
      )}
    </div>
  );
};

const Box = ({ state, features }: { state: InputBoxStateDto; features: FeatureServices }) => {
  const [value, setValue] = useValue(state.value);
  const input = useRef<HTMLInputElement>(null);
  const container = useRef<HTMLDivElement>(null);
  useHideOnFocusOut(container, state.ignoreFocusOut, features, state.id);
  useEffect(() => {
    if (state.valueSelection) input.current?.setSelectionRange(state.valueSelection[0], state.valueSelection[1]);
  }, [state.valueSelection]);
  const message = state.validationMessage;
  return (
    <div className="quick-input ext-quick-input" data-testid="ext-input-box" data-id={state.id} ref={container}>
      <TitleBar state={state} features={features} />
      <input
        ref={input}
        autoFocus
        type={state.password ? "password" : "text"}
        placeholder={state.placeholder ?? ""}
        value={value}
        disabled={!state.enabled}
        aria-invalid={message?.severity === "error"}
        data-testid="quick-input-value"
        onChange={(e) => {
          setValue(e.target.value);
          features.quickHost.quickInputValue({ id: state.id, value: e.target.value });
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") features.quickHost.quickInputAccept({ id: state.id });
          else if (e.key === "Escape") features.hideQuickInput(state.id);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {state.busy && <div className="quick-busy" data-testid="quick-busy" />}
      {message ? (
        <div className={`quick-validation ${message.severity}`} role="alert" data-testid="quick-validation">
          {message.text}
        </div>
      ) : (
        state.prompt && <div className="quick-hint">{state.prompt}</div>
      )}
    </div>
  );
};

export const ExtensionQuickInput = ({ features }: { features: FeatureServices }) => {
  const state = useStore(features.quickInput);
  if (!state) return null;
  return state.kind === "pick" ? (
    <Pick key={state.id} state={state} features={features} />
  ) : (
    <Box key={state.id} state={state} features={features} />
  );
};
