// A shareable link to one comment: the intranet page's URL with a fragment the extension
// recognises (#prikbord-comment=ID). Without the extension it simply opens the page; page identity
// (./page-identity.ts) ignores the fragment, since only "#/" or "#!/" routes are ever part of it.
const PREFIX = '#prikbord-comment=';
const ID = /^[A-Za-z0-9]{1,40}$/;

/** The page URL (any fragment replaced) pointing at comment `commentId`. */
export function commentLink(pageUrl: string, commentId: string): string {
  const hash = pageUrl.indexOf('#');
  return `${hash === -1 ? pageUrl : pageUrl.slice(0, hash)}${PREFIX}${commentId}`;
}

/** The comment id a URL points at, or null. */
export function linkedCommentId(url: string | undefined | null): string | null {
  if (!url) return null;
  const hash = url.indexOf(PREFIX);
  if (hash === -1) return null;
  const id = url.slice(hash + PREFIX.length);
  return ID.test(id) ? id : null;
}
