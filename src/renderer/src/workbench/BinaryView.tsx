/** What the editor area shows for a binary file: an image preview when the host can give one, else a notice. */
import { useEffect, useState } from "react";
import type { ImagePreview } from "../../../protocol/workbench.js";
import { basename } from "./languages.js";
import type { WorkbenchServices } from "./workbench-services.js";

const IMAGE = /\.(png|jpe?g|gif|webp|bmp|ico)$/i;

export const BinaryView = ({ services, uri }: { services: WorkbenchServices; uri: string }) => {
  const [preview, setPreview] = useState<{ uri: string; image: ImagePreview } | undefined>(undefined);
  const image = preview?.uri === uri ? preview.image : undefined;
  useEffect(() => {
    if (!IMAGE.test(uri)) return;
    const abort = new AbortController();
    // No preview (too large, gone, host down): the notice stays.
    services.host.readImage(uri, { signal: abort.signal }).then(
      (image) => setPreview({ uri, image }),
      () => undefined,
    );
    return () => abort.abort();
  }, [services, uri]);
  return (
    <div className="binary-notice" data-testid="binary-notice" data-uri={uri}>
      {image && (
        <img
          className="image-preview"
          data-testid="image-preview"
          alt={basename(uri)}
          src={`data:${image.mime};base64,${image.base64}`}
        />
      )}
      <p>{basename(uri)} is not displayed in the editor because it is binary.</p>
      <p>It is never saved from here, so it cannot be corrupted.</p>
    </div>
  );
};
