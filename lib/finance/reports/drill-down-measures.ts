/** The measures a figure can be drilled into (gross profit is their difference: drill its parts). */
export const drillMeasures = ['revenue', 'refunds', 'fees', 'upstream', 'serviceFees'] as const;
export type DrillMeasure = (typeof drillMeasures)[number];
