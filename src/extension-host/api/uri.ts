/**
 * `vscode.Uri`: the `vscode-uri` implementation (the one VS Code and LSP share), so
 * `untitled:Untitled-1`, `file:///a%20b` and friends round-trip exactly as in VS Code. Subclassed
 * only so that every factory and `with` returns a `vscode.Uri` (`instanceof vscode.Uri` holds)
 * and to add VS Code's `Uri.joinPath`.
 */
import { URI, Utils } from "vscode-uri";

export class Uri extends URI {
  static override parse(value: string, strict = false): Uri {
    return Uri.wrap(URI.parse(value, strict));
  }

  static override file(path: string): Uri {
    return Uri.wrap(URI.file(path));
  }

  static override from(components: {
    readonly scheme: string;
    readonly authority?: string;
    readonly path?: string;
    readonly query?: string;
    readonly fragment?: string;
  }): Uri {
    return Uri.wrap(URI.from(components));
  }

  /** Joins path segments onto `base`'s path (posix rules); a Uri without a path cannot be joined. */
  static joinPath(base: Uri, ...pathSegments: string[]): Uri {
    if (!base.path) throw new Error("[UriError]: cannot call joinPath on URI without path");
    return Uri.wrap(Utils.joinPath(base, ...pathSegments));
  }

  override with(change: {
    scheme?: string;
    authority?: string | null;
    path?: string | null;
    query?: string | null;
    fragment?: string | null;
  }): Uri {
    const next = super.with(change);
    return next === this ? this : Uri.wrap(next);
  }

  private static wrap(u: URI): Uri {
    return u instanceof Uri ? u : new Uri(u.scheme, u.authority, u.path, u.query, u.fragment);
  }
}
