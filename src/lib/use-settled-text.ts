import { useEffect, useState } from 'react'

/** `text`, once it has stayed the same for `delay` milliseconds. */
export function useSettledText(text: string, delay: number): string {
  const [settled, setSettled] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(text)
    }, delay)
    return () => {
      clearTimeout(timer)
    }
  }, [text, delay])
  return settled
}
