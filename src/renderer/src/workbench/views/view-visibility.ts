/**
 * Which contributed views, welcome contents and activity-bar containers show, as VS Code's
 * ViewDescriptorService decides it: each `when` read against the window's context keys (the
 * workbench's own and every key extensions set with `setContext`), re-evaluated as they change.
 */
import type { ViewContributions, ViewDto, ViewWelcomeDto } from "../../../../protocol/contracts/views.js";
import { whenMatches } from "../keybindings/when.js";
import { useStore } from "../store.js";
import type { WorkbenchServices } from "../workbench-services.js";

/** Re-renders the caller whenever a context key may have changed. */
export const useContextKeys = (services: WorkbenchServices): void => {
  useStore(services.settings.contextKeys.version);
};

const holds = (services: WorkbenchServices, when: string | undefined): boolean =>
  whenMatches(when, services.settings.contextKeys.get);

/** The views of `container` whose `when` holds. */
export const visibleViews = (
  services: WorkbenchServices,
  contributions: ViewContributions,
  container: string,
): ViewDto[] => contributions.views.filter((v) => v.container === container && holds(services, v.when));

/** The welcome contents of `view` whose `when` holds. */
export const visibleWelcome = (
  services: WorkbenchServices,
  contributions: ViewContributions,
  view: string,
): ViewWelcomeDto[] => contributions.welcome.filter((w) => w.view === view && holds(services, w.when));

/** A contributed container shows in the activity bar only while one of its views does (VS Code hides empty ones). */
export const containerVisible = (
  services: WorkbenchServices,
  contributions: ViewContributions,
  container: string,
): boolean => visibleViews(services, contributions, container).length > 0;
