// The names of the formats an advisory renders in, apart from the renderers: choosing one needs no renderer loaded.
export const ADVISORY_FORMATS = ['html', 'md', 'stix', 'csv'] as const;
export type AdvisoryFormat = (typeof ADVISORY_FORMATS)[number];
