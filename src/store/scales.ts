/**
 * Whether a raw O*NET value lies on its scale (Scales Reference gives each scale's minimum and maximum), and what to
 * say where it does not: the one home of that check and its wording. The importer logs it with the file and line,
 * and the API serves it beside the value (`dataQualityWarning`). The value itself is always served as the file has
 * it: never clamped, never dropped (35-3023.00's Third Work Value High-Point is 0.00 on a scale of 1 to 6).
 */

/** A scale as Scales Reference gives it. */
export interface ScaleRange {
  id: string;
  name: string;
  minimum: number;
  maximum: number;
}

/** Null where `value` lies on `scale`; else the warning, e.g. `0 is outside the Work Value High-Point scale (VH, 1 to 6) …`. */
export function outsideScale(value: number, scale: ScaleRange): string | null {
  if (value >= scale.minimum && value <= scale.maximum) return null;
  return `${value} is outside the ${scale.name} scale (${scale.id}, ${scale.minimum} to ${scale.maximum}); served as the file has it, not corrected`;
}
