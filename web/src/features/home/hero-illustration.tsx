/** A quiet drawing of a kindergarten: decorative only. */
export function HeroIllustration({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 400 300" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="400" height="300" rx="28" fill="#eaf0fb" />
      <circle cx="318" cy="72" r="30" fill="#ffd98a" />
      <path
        d="M0 232c70-22 140-30 210-22s130 10 190-6v68a28 28 0 0 1-28 28H28A28 28 0 0 1 0 272z"
        fill="#d3e0f6"
      />
      <g>
        <rect x="108" y="128" width="172" height="112" rx="10" fill="#ffffff" />
        <path d="M94 136 194 68l100 68z" fill="#1d4fb8" />
        <rect x="132" y="154" width="36" height="30" rx="6" fill="#bcd0f2" />
        <rect x="220" y="154" width="36" height="30" rx="6" fill="#bcd0f2" />
        <rect x="176" y="190" width="36" height="50" rx="6" fill="#1d4fb8" opacity="0.85" />
        <circle cx="194" cy="112" r="11" fill="#ffffff" />
        <circle cx="194" cy="112" r="5" fill="#ffd98a" />
      </g>
      <g fill="#5f8fdc">
        <circle cx="62" cy="196" r="26" />
        <rect x="59" y="210" width="6" height="34" rx="3" fill="#3d6cc0" />
        <circle cx="340" cy="200" r="22" />
        <rect x="337" y="212" width="6" height="30" rx="3" fill="#3d6cc0" />
      </g>
      <g fill="#ffffff" opacity="0.9">
        <rect x="40" y="60" width="64" height="18" rx="9" />
        <rect x="62" y="48" width="34" height="18" rx="9" />
      </g>
    </svg>
  );
}
