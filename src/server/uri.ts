// URIs as the server's locations: the folder that holds one, a name joined to a folder. Plain string
// work on `scheme://authority/path` (every client sends URIs this way), so it runs in a browser too.

/** The folder that holds `uri`, or undefined at the root. */
export function parentUri(uri: string): string | undefined {
  const m = /^([a-z][\w+.-]*:(?:\/\/[^/]*)?)(\/.*)?$/i.exec(uri.replace(/[?#].*$/, ''));
  if (!m) return undefined;
  const path = (m[2] ?? '/').replace(/\/+$/, '');
  if (path === '') return undefined;
  const cut = path.lastIndexOf('/');
  return `${m[1]}${cut <= 0 ? '/' : path.slice(0, cut)}`;
}

/** `folder` joined with a relative `/`-separated path, each segment encoded as a URI does. */
export function joinUri(folder: string, relative: string): string {
  const base = folder.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const parts: string[] = [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    parts.push(encodeURIComponent(part));
  }
  return `${base}/${parts.join('/')}`;
}

/** The scheme of a URI (`file`, `untitled`). */
export function schemeOf(uri: string): string {
  return /^([a-z][\w+.-]*):/i.exec(uri)?.[1]?.toLowerCase() ?? '';
}

/** The last segment of a URI, decoded (`case.yaml`). */
export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Comparable form of a URI: clients differ in how they encode `:` and case drive letters. */
export function normalizeUri(uri: string): string {
  try {
    return uri
      .replace(/^file:\/\/\/([a-zA-Z])(?:%3A|:)/, (_all, drive: string) => `file:///${drive.toLowerCase()}:`)
      .replace(/%[0-9a-f]{2}/gi, (e) => {
        const c = decodeURIComponent(e);
        return /[A-Za-z0-9\-._~]/.test(c) ? c : e.toUpperCase();
      });
  } catch {
    return uri;
  }
}
