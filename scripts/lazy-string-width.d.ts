export const NARROW: RegExp
export function plainWidth(input: unknown, options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}): number | undefined
export default function stringWidth(input: unknown, options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}): number
