import { searchTokens } from '../../../shared/text'

/** `text` with the words search matched marked; compared folded, shown as she wrote them. */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  if (words.length === 0) return <>{text}</>
  const parts = text.split(/([^\p{L}\p{N}]+)/u)
  return (
    <>
      {parts.map((part, i) => {
        const folded = searchTokens(part)[0]
        return folded && words.includes(folded) ? <mark key={i}>{part}</mark> : part
      })}
    </>
  )
}
