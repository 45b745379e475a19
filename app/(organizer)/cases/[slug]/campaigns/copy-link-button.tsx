'use client';

import { useState } from 'react';
import { Button } from '@/app/_components/ui';

/** Copies the share link; says so in a polite live region for screen-reader users. */
export function CopyLinkButton({ url, label, copiedLabel }: { url: string; label: string; copiedLabel: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setIsCopied(true);
            setTimeout(() => setIsCopied(false), 2_000);
          } catch {
            window.prompt(label, url);
          }
        }}
      >
        {label}
      </Button>
      <span role="status" className="sr-only">
        {isCopied ? copiedLabel : ''}
      </span>
    </>
  );
}
