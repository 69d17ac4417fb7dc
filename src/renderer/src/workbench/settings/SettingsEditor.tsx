/**
 * The Settings editor (Ctrl+,): every registered setting, searchable (words, or `@modified`),
 * with a control for its type, User / Workspace tabs, a "modified" marker and Reset per
 * setting, and "Open Settings (JSON)". Changes are written by the host (comments kept).
 */
import { useState } from "react";
import type { SettingDto, SettingsTarget } from "../../../../protocol/contracts/configuration.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

/** "editor.minimap.enabled" → "Editor › Minimap: Enabled", as VS Code titles settings. */
export const settingTitle = (key: string): string => {
  const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
  const parts = key.split(".");
  const last = parts.pop() ?? key;
  return parts.length > 0 ? `${parts.map(words).join(" › ")}: ${words(last)}` : words(last);
};

const valueIn = (s: SettingDto, target: SettingsTarget): unknown => {
  if (target === "workspace" && s.workspaceValue !== undefined) return s.workspaceValue;
  return s.userValue !== undefined ? s.userValue : s.defaultValue;
};

const isModified = (s: SettingDto, target: SettingsTarget): boolean =>
  (target === "user" ? s.userValue : s.workspaceValue) !== undefined;

const matches = (s: SettingDto, query: string, target: SettingsTarget): boolean => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${s.key} ${settingTitle(s.key)} ${s.description} ${s.category}`.toLowerCase();
  return words.every((w) => (w === "@modified" ? isModified(s, target) : hay.includes(w)));
};

const SettingControl = ({
  setting,
  value,
  onChange,
}: {
  setting: SettingDto;
  value: unknown;
  onChange: (v: unknown) => void;
}) => {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  if (setting.enum) {
    const index = setting.enum.findIndex((v) => JSON.stringify(v) === JSON.stringify(value));
    return (
      <select
        data-testid="setting-enum"
        value={index}
        onChange={(e) => onChange(setting.enum?.[Number(e.target.value)])}
      >
        {setting.enum.map((v, i) => (
          <option key={i} value={i} title={setting.enumDescriptions?.[i]}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  }
  if (setting.type === "boolean") {
    // Shown at once; the host's answer re-mounts the control with the value in force.
    const checked = draft === undefined ? value === true : draft === "true";
    return (
      <label className="setting-checkbox">
        <input
          type="checkbox"
          data-testid="setting-checkbox"
          checked={checked}
          onChange={(e) => {
            setDraft(String(e.target.checked));
            onChange(e.target.checked);
          }}
        />
        <span>{setting.description}</span>
      </label>
    );
  }
  if (setting.type === "number" || setting.type === "integer" || setting.type === "string") {
    const numeric = setting.type !== "string";
    const commit = () => {
      if (draft === undefined) return;
      setDraft(undefined);
      if (!numeric) return onChange(draft);
      const n = Number(draft);
      if (draft.trim() !== "" && Number.isFinite(n) && (setting.type !== "integer" || Number.isInteger(n))) onChange(n);
    };
    return (
      <input
        type={numeric ? "number" : "text"}
        data-testid={numeric ? "setting-number" : "setting-text"}
        value={draft ?? (value === null || value === undefined ? "" : String(value))}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(undefined);
        }}
      />
    );
  }
  return <span className="muted">Edit in settings.json</span>;
};

export const SettingsEditor = ({ services }: { services: WorkbenchServices }) => {
  const snapshot = useStore(services.settings.snapshot);
  const [query, setQuery] = useState("");
  const [target, setTarget] = useState<SettingsTarget>("user");
  const settings = (snapshot?.settings ?? []).filter((s) => matches(s, query, target));
  const hasWorkspace = snapshot?.workspaceFile != null;
  return (
    <div className="settings-editor" data-testid="settings-editor">
      <div className="settings-header">
        <input
          autoFocus
          placeholder="Search settings"
          data-testid="settings-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") services.settings.view.set(undefined);
          }}
        />
        <div className="settings-tabs" role="tablist">
          {(["user", "workspace"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={target === t}
              className={target === t ? "on" : ""}
              disabled={t === "workspace" && !hasWorkspace}
              data-testid={`settings-tab-${t}`}
              onClick={() => setTarget(t)}
            >
              {t === "user" ? "User" : "Workspace"}
            </button>
          ))}
          <span className="spacer" />
          <button
            type="button"
            data-testid="settings-open-json"
            onClick={() => void services.settings.openJson(target)}
          >
            Open Settings (JSON)
          </button>
          <button type="button" aria-label="close settings" onClick={() => services.settings.view.set(undefined)}>
            ×
          </button>
        </div>
      </div>
      <ul className="settings-list">
        {settings.map((s) => {
          const modified = isModified(s, target);
          return (
            <li key={s.key} className={`setting ${modified ? "modified" : ""}`} data-testid="setting" data-key={s.key}>
              <div className="setting-title">
                <span className="muted">{s.category} · </span>
                <strong>{settingTitle(s.key)}</strong>
                {modified && (
                  <>
                    <span className="setting-modified" data-testid="setting-modified">
                      Modified
                    </span>
                    <button
                      type="button"
                      className="link"
                      data-testid="setting-reset"
                      title="Reset Setting"
                      onClick={() => void services.settings.update(s.key, undefined, target)}
                    >
                      Reset
                    </button>
                  </>
                )}
              </div>
              {s.type !== "boolean" && <div className="setting-description">{s.description}</div>}
              <SettingControl
                key={`${target}:${JSON.stringify(valueIn(s, target))}`}
                setting={s}
                value={valueIn(s, target)}
                onChange={(v) => void services.settings.update(s.key, v, target)}
              />
              <div className="muted setting-key">{s.key}</div>
            </li>
          );
        })}
        {snapshot && settings.length === 0 && <li className="muted">No settings found</li>}
        {!snapshot && <li className="muted">Loading settings…</li>}
      </ul>
    </div>
  );
};
