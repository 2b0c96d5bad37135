// The move log in English: the transcript's own phrases.
export { ENGLISH_LOG as enLog } from '../engine/transcript';
