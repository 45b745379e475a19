/**
 * Small status marks drawn as SVG in the text colour (currentColor): a glyph such as ✓ or ● is
 * text to contrast checkers, which cannot judge a lone symbol; a graphic is judged as one
 * (WCAG 1.4.11, 3:1) and carries no meaning of its own — the text beside it does.
 */
export function CheckIcon({ isDone }: { isDone: boolean }) {
  return (
    <svg
      aria-hidden
      focusable="false"
      viewBox="0 0 16 16"
      className="inline-block h-3.5 w-3.5 align-[-0.125em]"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.4}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {isDone ? <path d="M3 8.5l3.2 3L13 4.5" /> : <path d="M4 4l8 8M12 4l-8 8" />}
    </svg>
  );
}

export function MilestoneIcon({ isReached }: { isReached: boolean }) {
  return (
    <svg aria-hidden focusable="false" viewBox="0 0 16 16" className="mr-1 inline-block h-3 w-3 align-[-0.05em]">
      <circle cx="8" cy="8" r="6" fill={isReached ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={2} />
    </svg>
  );
}
