// Initial avatars: a person's initials on a colour derived from their uid, the same in every browser
// and every session (a deterministic hash, no stored choice, nothing fetched). The uid is the input on
// purpose: a display name may be shared or change, and the colour must never come from anything on an
// anonymous post (those get one neutral mark, components/ui/Avatar.tsx, and never reach this module).

/**
 * Background colours for initials in white. Each has at least 4.5:1 contrast with white (WCAG AA for
 * normal text; tests/unit/avatar.test.ts checks it), in light and in dark mode alike.
 */
export const AVATAR_PALETTE = [
  '#0b5cad', // blue
  '#1a6e3a', // green
  '#a3271f', // red
  '#6b3fa0', // purple
  '#0e6a80', // teal
  '#a8326a', // raspberry
  '#8a4b08', // ochre
  '#3d5a80', // slate blue
  '#5e6b12', // olive
  '#9b3d12', // rust
] as const;

/** FNV-1a, 32 bits: small, fast and well spread for short ids. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The avatar colour of a uid: one of AVATAR_PALETTE, always the same for the same uid. */
export function avatarColour(uid: string): string {
  return AVATAR_PALETTE[hashString(uid) % AVATAR_PALETTE.length]!;
}

/** Dutch name particles ("Anna de Vries" → "AV", "Jan van der Berg" → "JB"). */
const PARTICLES = new Set([
  'de',
  'der',
  'den',
  'van',
  'von',
  'het',
  "'t",
  'ten',
  'ter',
  'te',
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'di',
  'el',
  'al',
  'bin',
  'd',
]);

/** Up to two initials of a display name: first and last name, particles skipped; "?" for none. */
export function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, ' ')
    .split(/[\s-]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((w) => w !== '');
  if (words.length === 0) return '?';
  const first = words[0]!;
  const rest = words.slice(1).filter((w) => !PARTICLES.has(w.toLowerCase()));
  const last = rest.at(-1);
  const letter = (w: string) => [...w][0]!.toLocaleUpperCase();
  return last ? letter(first) + letter(last) : letter(first);
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
