/**
 * Entity schemas (rows of the store and the API's create and update payloads), one file per entity.
 * @module
 */
export * from './fields.ts'
export * from './authority.ts'
export * from './user.ts'
export * from './case.ts'
export * from './member.ts'
export * from './meeting.ts'
export * from './terms-of-reference.ts'
export * from './decision.ts'
