/**
 * `window.createQuickPick` / `createInputBox`, and `showQuickPick` / `showInputBox` built on them
 * as VS Code's extHostQuickOpen does (so validation, onDidSelectItem and tokens behave the same).
 */
import type {
  QuickInputButtonDto,
  QuickInputStateDto,
  QuickPickItemDto,
} from "../../protocol/contracts/quick-input.js";
import type { QuickInputService } from "../services/quick-input.js";
import { QuickInputButtons } from "./feature-types.js";
import { InputBoxValidationSeverity, QuickPickItemKind } from "./enums.generated.js";
import { EventEmitter, ThemeIcon, Uri, type CancellationToken, type Event } from "./types.js";
import { iconFile } from "../services/tree-views.js";

interface QuickInputButton {
  readonly iconPath: ThemeIcon | Uri | { light: Uri; dark: Uri };
  readonly tooltip?: string;
}
interface QuickPickItem {
  label: string;
  kind?: QuickPickItemKind;
  description?: string;
  detail?: string;
  picked?: boolean;
  alwaysShow?: boolean;
  buttons?: readonly QuickInputButton[];
}
type ValidationMessage = string | { message: string; severity: InputBoxValidationSeverity } | undefined | null;

const buttonDto = (b: QuickInputButton): QuickInputButtonDto => {
  const tooltip = b.tooltip !== undefined ? { tooltip: b.tooltip } : {};
  if (b === QuickInputButtons.Back) return { icon: "back", ...tooltip };
  if (b.iconPath instanceof ThemeIcon) return { icon: { codicon: b.iconPath.id }, ...tooltip };
  const uri = b.iconPath instanceof Uri ? b.iconPath : b.iconPath.dark;
  const image = uri.scheme === "file" ? iconFile(uri.fsPath) : undefined;
  return { icon: image ? { image } : { codicon: "circle-filled" }, ...tooltip };
};

const validationDto = (m: ValidationMessage) => {
  if (m === undefined || m === null || m === "") return undefined;
  if (typeof m === "string") return { text: m, severity: "error" as const };
  const severity =
    m.severity === InputBoxValidationSeverity.Info
      ? "info"
      : m.severity === InputBoxValidationSeverity.Warning
        ? "warning"
        : "error";
  return { text: String(m.message), severity } as const;
};

export const createQuickInputApi = (service: QuickInputService, guardedEvent: <E>(event: Event<E>) => Event<E>) => {
  /** The properties and events every quick input has. */
  const base = (kind: "pick" | "input") => {
    const id = service.newId();
    const state = {
      title: undefined as string | undefined,
      step: undefined as number | undefined,
      totalSteps: undefined as number | undefined,
      placeholder: undefined as string | undefined,
      value: "",
      busy: false,
      enabled: true,
      ignoreFocusOut: false,
      buttons: [] as readonly QuickInputButton[],
    };
    const emitters = {
      value: new EventEmitter<string>(),
      accept: new EventEmitter<void>(),
      hide: new EventEmitter<void>(),
      button: new EventEmitter<QuickInputButton>(),
    };
    let visible = false;
    let disposed = false;
    let scheduled = false;
    let render: () => QuickInputStateDto = () => {
      throw new Error("unreachable");
    };
    let extraEvents: {
      active(h: readonly number[]): void;
      selection(h: readonly number[]): void;
      itemButton(i: number, b: number): void;
    } = { active: () => undefined, selection: () => undefined, itemButton: () => undefined };
    const events = {
      value: (v: string) => {
        state.value = v;
        emitters.value.fire(v);
      },
      accept: () => emitters.accept.fire(),
      active: (h: readonly number[]) => extraEvents.active(h),
      selection: (h: readonly number[]) => extraEvents.selection(h),
      button: (i: number) => {
        const b = state.buttons[i];
        if (b) emitters.button.fire(b);
      },
      itemButton: (i: number, b: number) => extraEvents.itemButton(i, b),
      hidden: () => {
        if (!visible) return;
        visible = false;
        emitters.hide.fire();
      },
    };
    const common = () => ({
      id,
      value: state.value,
      busy: state.busy,
      enabled: state.enabled,
      ignoreFocusOut: state.ignoreFocusOut,
      buttons: state.buttons.map(buttonDto),
      ...(state.title !== undefined ? { title: state.title } : {}),
      ...(state.step !== undefined ? { step: state.step } : {}),
      ...(state.totalSteps !== undefined ? { totalSteps: state.totalSteps } : {}),
      ...(state.placeholder !== undefined ? { placeholder: state.placeholder } : {}),
    });
    /** Property writes while shown are sent once per tick. */
    const update = () => {
      if (!visible || scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        if (visible && !disposed) service.show(render(), events);
      });
    };
    const props: PropertyDescriptorMap = {};
    for (const key of Object.keys(state) as Array<keyof typeof state>) {
      props[key] = {
        get: () => state[key],
        set: (v: never) => {
          if (key === "buttons" && !Array.isArray(v))
            throw new Error(`vscode.${kind === "pick" ? "QuickPick" : "InputBox"}.buttons must be an array`);
          (state as Record<string, unknown>)[key] = v;
          update();
        },
        enumerable: true,
      };
    }
    const object = {
      onDidChangeValue: guardedEvent(emitters.value.event),
      onDidAccept: guardedEvent(emitters.accept.event),
      onDidHide: guardedEvent(emitters.hide.event),
      onDidTriggerButton: guardedEvent(emitters.button.event),
      show: () => {
        if (disposed) throw new Error("this quick input was disposed");
        visible = true;
        service.show(render(), events);
      },
      hide: () => service.hide(id),
      dispose: () => {
        if (disposed) return;
        service.hide(id);
        disposed = true;
        for (const e of Object.values(emitters)) e.dispose();
      },
    };
    return {
      id,
      state,
      events,
      object,
      props,
      update,
      common,
      setRender: (r: () => QuickInputStateDto) => (render = r),
      setExtraEvents: (e: typeof extraEvents) => (extraEvents = e),
    };
  };

  const createQuickPick = <T extends QuickPickItem>() => {
    const b = base("pick");
    let items: readonly T[] = [];
    let active: readonly T[] = [];
    let selected: readonly T[] = [];
    const flags = {
      canSelectMany: false,
      matchOnDescription: false,
      matchOnDetail: false,
      keepScrollPosition: false,
      sortByLabel: true,
    };
    const onActive = new EventEmitter<readonly T[]>();
    const onSelection = new EventEmitter<readonly T[]>();
    const onItemButton = new EventEmitter<{ item: T; button: QuickInputButton }>();
    const handles = (list: readonly T[]) => list.map((i) => items.indexOf(i)).filter((n) => n >= 0);
    const itemDto = (item: T, handle: number): QuickPickItemDto => ({
      handle,
      label: String(item.label ?? ""),
      ...(item.description ? { description: String(item.description) } : {}),
      ...(item.detail ? { detail: String(item.detail) } : {}),
      ...(item.kind === QuickPickItemKind.Separator ? { separator: true } : {}),
      ...(item.alwaysShow ? { alwaysShow: true } : {}),
      ...(item.buttons?.length ? { buttons: item.buttons.map(buttonDto) } : {}),
    });
    b.setRender(() => ({
      ...b.common(),
      kind: "pick",
      items: items.map(itemDto),
      activeItems: handles(active),
      selectedItems: handles(selected),
      canSelectMany: flags.canSelectMany,
      matchOnDescription: flags.matchOnDescription,
      matchOnDetail: flags.matchOnDetail,
      sortByLabel: flags.sortByLabel,
      keepScrollPosition: flags.keepScrollPosition,
    }));
    const fromHandles = (h: readonly number[]) => h.flatMap((n) => (items[n] ? [items[n]] : []));
    b.setExtraEvents({
      active: (h) => {
        active = fromHandles(h);
        onActive.fire(active);
      },
      selection: (h) => {
        selected = fromHandles(h);
        onSelection.fire(selected);
      },
      itemButton: (i, n) => {
        const item = items[i];
        const button = item?.buttons?.[n];
        if (item && button) onItemButton.fire({ item, button });
      },
    });
    const listProp = (get: () => readonly T[], set: (v: readonly T[]) => void, what: string) => ({
      get,
      set: (v: readonly T[]) => {
        if (!Array.isArray(v)) throw new Error(`vscode.QuickPick.${what} must be an array`);
        set([...v]);
        b.update();
      },
      enumerable: true,
    });
    const flagProp = (key: keyof typeof flags) => ({
      get: () => flags[key],
      set: (v: boolean) => {
        flags[key] = Boolean(v);
        b.update();
      },
      enumerable: true,
    });
    const target = {
      ...b.object,
      onDidChangeActive: guardedEvent(onActive.event),
      onDidChangeSelection: guardedEvent(onSelection.event),
      onDidTriggerItemButton: guardedEvent(onItemButton.event),
      dispose: () => {
        b.object.dispose();
        onActive.dispose();
        onSelection.dispose();
        onItemButton.dispose();
      },
    };
    const picker = Object.defineProperties(target, {
      ...b.props,
      items: listProp(
        () => items,
        (v) => ((items = v), (active = []), (selected = selected.filter((s) => v.includes(s)))),
        "items",
      ),
      activeItems: listProp(
        () => active,
        (v) => (active = v),
        "activeItems",
      ),
      selectedItems: listProp(
        () => selected,
        (v) => (selected = v),
        "selectedItems",
      ),
      canSelectMany: flagProp("canSelectMany"),
      matchOnDescription: flagProp("matchOnDescription"),
      matchOnDetail: flagProp("matchOnDetail"),
      keepScrollPosition: flagProp("keepScrollPosition"),
      sortByLabel: flagProp("sortByLabel"),
    });
    // The accessors defined above are the properties a QuickPick has.
    return picker as typeof target & {
      items: readonly T[];
      activeItems: readonly T[];
      selectedItems: readonly T[];
      canSelectMany: boolean;
      matchOnDescription: boolean;
      matchOnDetail: boolean;
      keepScrollPosition: boolean;
      sortByLabel: boolean;
      value: string;
      placeholder: string | undefined;
      title: string | undefined;
      busy: boolean;
      ignoreFocusOut: boolean;
      onDidChangeActive: Event<readonly T[]>;
      onDidChangeSelection: Event<readonly T[]>;
      onDidTriggerItemButton: Event<{ item: T; button: QuickInputButton }>;
    };
  };

  const createInputBox = () => {
    const b = base("input");
    const extra = {
      prompt: undefined as string | undefined,
      password: false,
      validationMessage: undefined as ValidationMessage,
      valueSelection: undefined as readonly [number, number] | undefined,
    };
    b.setRender(() => {
      const validation = validationDto(extra.validationMessage);
      return {
        ...b.common(),
        kind: "input",
        password: extra.password,
        ...(extra.prompt !== undefined ? { prompt: extra.prompt } : {}),
        ...(validation ? { validationMessage: validation } : {}),
        ...(extra.valueSelection
          ? { valueSelection: [extra.valueSelection[0], extra.valueSelection[1]] as const }
          : {}),
      };
    });
    const props: PropertyDescriptorMap = {};
    for (const key of Object.keys(extra) as Array<keyof typeof extra>) {
      props[key] = {
        get: () => extra[key],
        set: (v: never) => {
          (extra as Record<string, unknown>)[key] = v;
          b.update();
        },
        enumerable: true,
      };
    }
    const box = Object.defineProperties({ ...b.object }, { ...b.props, ...props });
    return box as typeof box & {
      value: string;
      prompt: string | undefined;
      placeholder: string | undefined;
      title: string | undefined;
      password: boolean;
      ignoreFocusOut: boolean;
      validationMessage: ValidationMessage;
    };
  };

  const showQuickPick = async (
    itemsOrPromise: readonly (string | QuickPickItem)[] | PromiseLike<readonly (string | QuickPickItem)[]>,
    options: {
      placeHolder?: string;
      title?: string;
      canPickMany?: boolean;
      ignoreFocusOut?: boolean;
      matchOnDescription?: boolean;
      matchOnDetail?: boolean;
      onDidSelectItem?: (item: string | QuickPickItem) => unknown;
    } = {},
    token?: CancellationToken,
  ): Promise<unknown> => {
    if (token?.isCancellationRequested) return undefined;
    const pick = createQuickPick<QuickPickItem>();
    pick.placeholder = options.placeHolder;
    pick.title = options.title;
    pick.canSelectMany = options.canPickMany === true;
    pick.ignoreFocusOut = options.ignoreFocusOut === true;
    pick.matchOnDescription = options.matchOnDescription === true;
    pick.matchOnDetail = options.matchOnDetail === true;
    pick.busy = true;
    pick.show();
    return new Promise((resolve) => {
      let originals: readonly (string | QuickPickItem)[] = [];
      let done = false;
      const finish = (value: unknown) => {
        if (done) return;
        done = true;
        resolve(value);
        pick.dispose();
      };
      const original = (item: QuickPickItem) => originals[pick.items.indexOf(item)];
      token?.onCancellationRequested(() => finish(undefined));
      pick.onDidHide(() => finish(undefined));
      pick.onDidChangeActive((active) => {
        const first = active[0];
        if (first && options.onDidSelectItem) options.onDidSelectItem(original(first)!);
      });
      pick.onDidAccept(() => {
        if (pick.canSelectMany) finish(pick.selectedItems.map(original));
        else {
          const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
          if (chosen) finish(original(chosen));
        }
      });
      Promise.resolve(itemsOrPromise).then(
        (list) => {
          if (done) return;
          if (!Array.isArray(list)) {
            finish(undefined);
            return;
          }
          originals = list;
          const items = list.map((i) => (typeof i === "string" ? { label: i } : i));
          pick.items = items;
          if (pick.canSelectMany) pick.selectedItems = items.filter((i) => i.picked);
          pick.busy = false;
        },
        () => finish(undefined),
      );
    });
  };

  const showInputBox = async (
    options: {
      value?: string;
      valueSelection?: [number, number];
      prompt?: string;
      placeHolder?: string;
      title?: string;
      password?: boolean;
      ignoreFocusOut?: boolean;
      validateInput?: (value: string) => ValidationMessage | PromiseLike<ValidationMessage>;
    } = {},
    token?: CancellationToken,
  ): Promise<string | undefined> => {
    if (token?.isCancellationRequested) return undefined;
    const input = createInputBox();
    input.value = options.value ?? "";
    input.prompt = options.prompt;
    input.placeholder = options.placeHolder;
    input.title = options.title;
    input.password = options.password === true;
    input.ignoreFocusOut = options.ignoreFocusOut === true;
    if (options.valueSelection)
      (input as unknown as { valueSelection: [number, number] }).valueSelection = options.valueSelection;
    return new Promise((resolve) => {
      let done = false;
      let validated = 0;
      const finish = (value: string | undefined) => {
        if (done) return;
        done = true;
        resolve(value);
        input.dispose();
      };
      /** The message for `value`; a later value's answer wins over an earlier, slower one. */
      const validate = async (value: string): Promise<ValidationMessage> => {
        const run = ++validated;
        const message = options.validateInput ? await options.validateInput(value) : undefined;
        if (run === validated && !done) input.validationMessage = message;
        return message;
      };
      token?.onCancellationRequested(() => finish(undefined));
      input.onDidHide(() => finish(undefined));
      input.onDidChangeValue((value) => void validate(value).catch(() => undefined));
      input.onDidAccept(async () => {
        const value = input.value;
        const message = await validate(value).catch(() => "validation failed");
        const dto = validationDto(message);
        // Only an error blocks: info and warning messages are shown but accepted.
        if (!dto || dto.severity !== "error") finish(value);
      });
      input.show();
      if (options.validateInput) void validate(input.value).catch(() => undefined);
    });
  };

  return { createQuickPick, createInputBox, showQuickPick, showInputBox };
};
