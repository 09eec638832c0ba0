// The TLP 2.0 marking-definition ids (published by OASIS in cti-stix-common-objects) and the source labels they map from.

export const TLP_CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
export const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
export const TLP_AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
export const TLP_AMBER_STRICT = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
export const TLP_RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';

// TLP 1.0's WHITE became TLP 2.0's CLEAR (FIRST TLP 2.0, 2022): same meaning, new name.
const BY_LABEL: Record<string, string> = {
  'TLP:WHITE': TLP_CLEAR,
  'TLP:CLEAR': TLP_CLEAR,
  'TLP:GREEN': TLP_GREEN,
  'TLP:AMBER': TLP_AMBER,
  'TLP:AMBER+STRICT': TLP_AMBER_STRICT,
  'TLP:RED': TLP_RED,
};

/** The TLP 2.0 marking id for a label such as `TLP:WHITE` (case-insensitive), or undefined if it is not one. */
export function tlpMarking(label: string): string | undefined {
  return BY_LABEL[label.trim().toUpperCase()];
}
