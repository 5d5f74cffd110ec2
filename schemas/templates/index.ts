/**
 * Templates from the seeds: agendas per meeting type and variant, the notes format, the joint report's
 * agency contribution format and the membership sheet.
 * @module
 */
export * from './agenda-item.ts'
export * from './seed-004-agendas.ts'
export * from './seed-001-agendas.ts'
export * from './registry.ts'
export * from './notes-format.ts'
export * from './contribution-format.ts'
export * from './minutes-layout.ts'
