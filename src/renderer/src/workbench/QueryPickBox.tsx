/**
 * A quick pick that asks again as the user types (see QueryPick): each query waits a moment
 * for the next keystroke and aborts the question before it; Enter picks the first result of
 * exactly what is typed, asking at once when that answer is not there yet.
 */
import { useEffect, useRef, useState } from "react";
import type { QueryPick, QueryPickItem } from "./workbench-services.js";

const DEBOUNCE_MS = 100;

interface Asked {
  readonly query: string;
  readonly answer: Promise<ReadonlyArray<QueryPickItem>>;
  readonly controller: AbortController;
}

export const QueryPickBox = ({ pick, close }: { pick: QueryPick; close: () => void }) => {
  const [value, setValue] = useState("");
  const [shown, setShown] = useState<{ query: string; items: ReadonlyArray<QueryPickItem>; error?: string }>();
  const asked = useRef<Asked | undefined>(undefined);
  const done = useRef(false);

  const ask = (query: string): Promise<ReadonlyArray<QueryPickItem>> => {
    if (asked.current?.query === query) return asked.current.answer;
    asked.current?.controller.abort();
    const controller = new AbortController();
    const answer = pick.search(query, controller.signal).then(
      (items) => {
        if (!controller.signal.aborted) setShown({ query, items });
        return items;
      },
      (e: unknown) => {
        if (!controller.signal.aborted)
          setShown({ query, items: [], error: e instanceof Error ? e.message : String(e) });
        return [];
      },
    );
    asked.current = { query, answer, controller };
    return answer;
  };

  useEffect(() => {
    const timer = setTimeout(() => void ask(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `ask` is stable in what it does; only the query matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  useEffect(() => () => asked.current?.controller.abort(), []);

  const finish = (key: number | null) => {
    if (done.current) return;
    done.current = true;
    close();
    pick.resolve(key);
  };
  const items = shown?.items ?? [];
  return (
    <div className="quick-input" data-testid="quick-input" data-loading={shown?.query !== value}>
      <input
        autoFocus
        placeholder={pick.placeHolder}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") finish(null);
          if (e.key !== "Enter") return;
          e.preventDefault();
          void ask(e.currentTarget.value).then((list) => list[0] && finish(list[0].key));
        }}
      />
      {shown?.error && <div className="quick-hint">{shown.error}</div>}
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <button type="button" onClick={() => finish(item.key)}>
              {item.label} {item.description && <span className="muted">{item.description}</span>}
            </button>
          </li>
        ))}
      </ul>
      {shown?.query === value && items.length === 0 && !shown.error && (
        <div className="quick-hint">No matching results</div>
      )}
    </div>
  );
};
