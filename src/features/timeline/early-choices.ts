/**
 * What the reader chose in a prerendered page's controls before the app started (a tap in the
 * first second on a slow phone), as the raw address parameters the controls' names give. React
 * hydrates the controls back to the state the build wrote, so this is read first and the choices
 * applied once the app runs. Undefined when no control was touched.
 */
export function choicesBeforeStart(root: ParentNode): Record<string, string> | undefined {
  const controls = [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')]
  const touched = controls.some((control) =>
    control instanceof HTMLSelectElement
      ? [...control.options].some((option) => option.selected !== option.defaultSelected)
      : control.type === 'checkbox'
        ? control.checked !== control.defaultChecked
        : control.value !== control.defaultValue,
  )
  if (!touched) return undefined
  const raw: Record<string, string> = {}
  for (const control of controls) {
    if (control instanceof HTMLInputElement && control.type === 'checkbox' && !control.checked) continue
    if (control.value.trim() === '') continue
    raw[control.name] = raw[control.name] === undefined ? control.value : `${raw[control.name]!},${control.value}`
  }
  return raw
}
