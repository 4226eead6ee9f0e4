// A URL path as it may be shown: the base URL fact and the HTTP request log keep only plain-word segments.

/**
 * An unknown path, with every segment that is not a plain word replaced by `…`: some gateways take the token in the
 * path (`/bot<token>/`, `/key/<key>/`), and the path is echoed in the answer.
 */
export function plainPath(p: string): string {
  return p
    .split('/')
    .map((seg) => (seg === '' || /^(?:[A-Za-z][A-Za-z_.-]{0,31}|v\d{1,2}|\d{1,4})$/.test(seg) ? seg : '…'))
    .join('/');
}
