/**
 * session.webRequest.onHeadersReceived: main may rewrite response headers (a CSP) before the
 * page sees them. Applied to every request of the app's pages (custom scheme included, as
 * Electron proxies those too) through the page's route.
 */
import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails, WebRequestFilter } from "electron";
import type { Route } from "playwright-core";

type Listener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void,
) => void;

let headersReceived: { listener: Listener; patterns: RegExp[] } | undefined;
let nextRequestId = 1;

/** Electron URL patterns: `<all_urls>` or `scheme://host/path` with `*` wildcards. */
const patternToRegExp = (pattern: string): RegExp =>
  pattern === "<all_urls>"
    ? /^/
    : new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);

export const webRequest = {
  onHeadersReceived(filterOrListener: WebRequestFilter | Listener | null, maybeListener?: Listener | null): void {
    const filter = typeof filterOrListener === "function" || filterOrListener === null ? undefined : filterOrListener;
    const listener = typeof filterOrListener === "function" ? filterOrListener : maybeListener;
    headersReceived = listener
      ? { listener, patterns: (filter?.urls ?? ["<all_urls>"]).map(patternToRegExp) }
      : undefined;
  },
};

const RESOURCE_TYPES: Record<string, OnHeadersReceivedListenerDetails["resourceType"]> = {
  stylesheet: "stylesheet",
  script: "script",
  image: "image",
  font: "font",
  xhr: "xhr",
  fetch: "xhr",
  media: "media",
  ping: "ping",
};

/** Handles `route` when a listener wants this URL (reported as `appUrl`); false otherwise. */
export const applyHeadersReceived = async (route: Route, appUrl: string, isMainFrame: boolean): Promise<boolean> => {
  const hook = headersReceived;
  if (!hook || !hook.patterns.some((p) => p.test(appUrl))) return false;
  const request = route.request();
  const response = await route.fetch();
  const responseHeaders: Record<string, string[]> = {};
  for (const { name, value } of response.headersArray()) (responseHeaders[name] ??= []).push(value);
  const type = request.resourceType();
  const verdict = await new Promise<HeadersReceivedResponse>((resolve) =>
    hook.listener(
      {
        id: nextRequestId++,
        url: appUrl,
        method: request.method(),
        resourceType:
          type === "document" ? (isMainFrame ? "mainFrame" : "subFrame") : (RESOURCE_TYPES[type] ?? "other"),
        referrer: request.headers()["referer"] ?? "",
        timestamp: Date.now(),
        statusLine: `HTTP/1.1 ${response.status()} ${response.statusText()}`,
        statusCode: response.status(),
        responseHeaders,
      },
      resolve,
    ),
  );
  if (verdict.cancel) {
    await route.abort("blockedbyclient");
    return true;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(verdict.responseHeaders ?? responseHeaders)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  await route.fulfill({ response, headers });
  return true;
};
