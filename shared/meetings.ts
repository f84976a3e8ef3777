// zod inputs of the meeting mode (HLM, Rakor POK, Dewan Smart City): creating a meeting and its
// agenda, the chair's navigation, the secretary's notes and follow-ups, and the OPDs' reports on
// their follow-ups. Messages are Indonesian and name the field.
import { z } from 'zod';
import { withoutBidiControls } from './format';
import { dateSchema, opdCodeSchema, yearSchema } from './schemas';

export const MEETING_KINDS = ['hlm', 'rakor_pok', 'dewan', 'lainnya'] as const;
export const NOTE_KINDS = ['arahan', 'keputusan'] as const;
export const FOLLOW_UP_STATES = ['dalam_proses', 'selesai'] as const;
/** An agenda long enough for a day's review; more is a mistake, not a meeting. */
export const MAX_AGENDA_ITEMS = 20;

const id = (what: string) =>
  z
    .number({ error: `${what} harus berupa angka` })
    .int(`${what} tidak valid`)
    .positive(`${what} tidak valid`);

const expectedVersion = z
  .number({ error: 'Versi harus berupa angka' })
  .int('Versi tidak valid')
  .min(1, 'Versi tidak valid');

/** One message per problem: empty is "wajib diisi", too short names the minimum. */
const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} wajib diisi` })
    .overwrite(withoutBidiControls)
    .trim()
    .superRefine((v, ctx) => {
      if (v.length === 0) ctx.addIssue({ code: 'custom', message: `${what} wajib diisi` });
      else if (v.length < min) ctx.addIssue({ code: 'custom', message: `${what} minimal ${min} karakter` });
    })
    .pipe(z.string().max(max, `${what} paling panjang ${max} karakter`));

export const agendaItemInput = z
  .object({
    kind: z.enum(['pillar', 'opd'], { error: 'Jenis agenda harus pilar atau OPD' }),
    pillarCode: z.string().trim().min(1).max(16).optional(),
    opdCode: opdCodeSchema.optional(),
  })
  .strict()
  .refine((i) => i.kind !== 'pillar' || i.pillarCode !== undefined, {
    message: 'Agenda pilar wajib memilih pilar',
    path: ['pillarCode'],
  })
  .refine((i) => i.kind !== 'opd' || i.opdCode !== undefined, {
    message: 'Agenda OPD wajib memilih OPD',
    path: ['opdCode'],
  });

const agenda = {
  items: z
    .array(agendaItemInput)
    .min(1, 'Agenda minimal berisi satu pilar atau OPD')
    .max(MAX_AGENDA_ITEMS, `Agenda paling banyak ${MAX_AGENDA_ITEMS} butir`),
  displayIds: z.array(id('Layar')).max(20, 'Paling banyak 20 layar').default([]),
};

export const meetingCreateInput = z
  .object({
    kind: z.enum(MEETING_KINDS, { error: 'Jenis rapat tidak dikenal' }),
    title: text('Judul rapat', 3, 160),
    meetingDate: dateSchema,
    chair: text('Pimpinan rapat', 2, 80),
    year: yearSchema.optional(),
    /** The date the figures are frozen at; the meeting date when omitted. */
    asOf: dateSchema.optional(),
    ...agenda,
  })
  .strict();

export const meetingAgendaInput = z.object({ id: id('Rapat'), expectedVersion, ...agenda }).strict();

export const meetingIdInput = z.object({ id: id('Rapat') }).strict();

export const meetingStepInput = z.object({ id: id('Rapat'), expectedVersion }).strict();

export const navigateInput = z
  .object({
    id: id('Rapat'),
    itemId: id('Butir agenda'),
    /** A programme code or OPD code opened inside the item; null closes it. */
    focus: z.string().trim().min(1).max(60).nullish(),
    expectedVersion,
  })
  .strict();

export const noteInput = z
  .object({
    meetingId: id('Rapat'),
    itemId: id('Butir agenda').nullish(),
    kind: z.enum(NOTE_KINDS, { error: 'Catatan harus arahan atau keputusan' }),
    text: text('Isi catatan', 1, 2000),
  })
  .strict();

export const followUpCreateInput = z
  .object({
    meetingId: id('Rapat'),
    itemId: id('Butir agenda').nullish(),
    ownerOpdCode: opdCodeSchema,
    programmeCode: z.string().trim().min(1).max(40).nullish(),
    text: text('Tindak lanjut', 3, 1000),
    dueDate: dateSchema,
  })
  .strict();

export const followUpReportInput = z
  .object({
    id: id('Tindak lanjut'),
    state: z.enum(FOLLOW_UP_STATES, { error: 'Status harus dalam proses atau selesai' }),
    progressPct: z
      .number({ error: 'Progres harus berupa angka' })
      .min(0, 'Progres paling kecil 0 %')
      .max(100, 'Progres paling besar 100 %')
      .nullish(),
    text: text('Laporan', 3, 2000),
    expectedVersion,
  })
  .strict();

export type MeetingCreateInput = z.infer<typeof meetingCreateInput>;
export type AgendaItemInput = z.infer<typeof agendaItemInput>;
