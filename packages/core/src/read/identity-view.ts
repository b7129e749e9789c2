import type { TextView } from './text-view.js';

/** The view of a text over itself: every offset maps to itself (clamped to the text). */
export function identityView(text: string): TextView {
  return new IdentityView(text);
}

/** True when `view` is an identity view made by {@link identityView}. */
export function isIdentityView(view: TextView): boolean {
  return view instanceof IdentityView;
}

class IdentityView implements TextView {
  constructor(readonly text: string) {}

  toOriginal(offset: number): number {
    return clamp(offset, this.text.length);
  }

  toOriginalEnd(offset: number): number {
    return clamp(offset, this.text.length);
  }
}

function clamp(offset: number, length: number): number {
  if (!(offset > 0)) return 0;
  return offset > length ? length : Math.floor(offset);
}
