// A comment's text with links made clickable; everything else is rendered as plain text.
import { linkSegments } from '../../lib/core/linkify';
import { t } from '../../lib/any/i18n';

export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkSegments(text).map((segment, i) =>
        segment.href ? (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer nofollow" title={`${segment.href} ${t('linkOpensNewTab')}`}>
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
