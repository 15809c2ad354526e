/**
 * The chat app of the incident as a Drizzle schema: the same tables and columns as the
 * Django project in ../django-project, with Django's index names (FK indexes, `_like`
 * indexes with varchar_pattern_ops). Drizzle cannot declare DEFERRABLE foreign keys, so
 * its constraints are plain `NO ACTION`, named by drizzle-kit's convention.
 *
 *   reconcile inspect --from schemas/chat/drizzle/schema.ts
 */
import { boolean, index, integer, numeric, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { relations } from 'drizzle-orm';

const tz = { withTimezone: true } as const;

export const users = pgTable(
  'users_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 254 }).notNull().unique('users_user_email_key'),
    firstName: varchar('first_name', { length: 150 }).notNull(),
    lastName: varchar('last_name', { length: 150 }).notNull(),
    password: varchar('password', { length: 128 }).notNull(),
    lastLogin: timestamp('last_login', tz),
    isActive: boolean('is_active').notNull().default(true),
    dateJoined: timestamp('date_joined', tz).notNull().defaultNow(),
    contact: varchar('contact', { length: 20 }).notNull().default(''),
  },
  (t) => [index('users_user_email_243f6e77_like').on(t.email.op('varchar_pattern_ops'))],
);

export const parcels = pgTable(
  'parcels_parcel',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingNumber: varchar('tracking_number', { length: 32 }).notNull().unique('parcels_parcel_tracking_number_key'),
    description: text('description').notNull().default(''),
    weightKg: numeric('weight_kg', { precision: 8, scale: 2 }).notNull(),
    status: varchar('status', { length: 20 }).notNull().default('pending'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('parcels_parcel_tracking_number_aa52a0bf_like').on(t.trackingNumber.op('varchar_pattern_ops')),
    index('parcels_parcel_status_0adb7e32').on(t.status),
    index('parcels_parcel_status_0adb7e32_like').on(t.status.op('varchar_pattern_ops')),
    index('parcels_parcel_sender_id_1c261970').on(t.senderId),
  ],
);

export const chatRooms = pgTable(
  'chat_chatroom',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    parcelId: uuid('parcel_id').references(() => parcels.id, { onDelete: 'set null' }),
    travelerId: uuid('traveler_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('chat_chatroom_customer_id_a7583800').on(t.customerId),
    index('chat_chatroom_parcel_id_2541be0b').on(t.parcelId),
    index('chat_chatroom_traveler_id_3f439f47').on(t.travelerId),
  ],
);

export const messages = pgTable(
  'chat_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    content: text('content').notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => chatRooms.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageType: varchar('message_type', { length: 20 }).notNull().default('text'),
  },
  (t) => [index('chat_message_room_id_5e7d8d78').on(t.roomId), index('chat_message_sender_id_991c686c').on(t.senderId)],
);

// --- migration 0001_callsession: the tables the incident's faked migration should have created
export const callSessions = pgTable(
  'chat_callsession',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: varchar('status', { length: 20 }).notNull(),
    startTime: timestamp('start_time', tz),
    endTime: timestamp('end_time', tz),
    durationSeconds: integer('duration_seconds'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
    callerId: uuid('caller_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    chatRoomId: uuid('chat_room_id').references(() => chatRooms.id, { onDelete: 'set null' }),
    parcelId: uuid('parcel_id').references(() => parcels.id, { onDelete: 'set null' }),
    receiverId: uuid('receiver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // --- migration 0002_provider_call_id
    providerCallId: varchar('provider_call_id', { length: 64 }),
  },
  (t) => [
    index('chat_callsession_caller_id_cc216afb').on(t.callerId),
    index('chat_callsession_chat_room_id_fde13cf2').on(t.chatRoomId),
    index('chat_callsession_parcel_id_1b981f5a').on(t.parcelId),
    index('chat_callsession_receiver_id_7f769efe').on(t.receiverId),
    // --- migration 0002_provider_call_id
    index('chat_callsession_provider_call_id_2d741d04').on(t.providerCallId),
    index('chat_callsession_provider_call_id_2d741d04_like').on(t.providerCallId.op('varchar_pattern_ops')),
  ],
);

export const callLogs = pgTable(
  'chat_calllog',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    logType: varchar('log_type', { length: 20 }).notNull(),
    timestamp: timestamp('timestamp', tz).notNull().defaultNow(),
    durationSeconds: integer('duration_seconds'),
    callSessionId: uuid('call_session_id')
      .notNull()
      .references(() => callSessions.id, { onDelete: 'cascade' }),
    otherParticipantId: uuid('other_participant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').references(() => chatRooms.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('chat_calllog_call_session_id_5f992829').on(t.callSessionId),
    index('chat_calllog_other_participant_id_16d3a0ba').on(t.otherParticipantId),
    index('chat_calllog_participant_id_8f015b99').on(t.participantId),
    index('chat_calllog_room_id_60be36a7').on(t.roomId),
  ],
);

/** Relations are for the query builder only; reconcile ignores them. */
export const callSessionRelations = relations(callSessions, ({ many, one }) => ({
  logs: many(callLogs),
  caller: one(users, { fields: [callSessions.callerId], references: [users.id] }),
}));
