// Times arrive as ISO UTC strings; staff read them in their browser's local time.
import dayjs from 'dayjs';

export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatTimeSeconds(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}
