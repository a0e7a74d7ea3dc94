// Up to nine photos for a check-in: chosen from the phone, shrunk in the browser (resize.ts), shown as thumbnails
// that can be removed before sending.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Typography } from 'antd';
import { CloseOutlined, LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import { useMt } from '../i18n';
import { resizePhoto } from '../resize';

export const MAX_PHOTOS = 9;

export interface PickedPhoto {
  key: number;
  file: File;
  url: string;
}

let nextKey = 1;

/** The picked photos and what can be done with them; object URLs are released when a photo leaves the list. */
export function usePhotoPicks() {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [processing, setProcessing] = useState(false);
  const [overflow, setOverflow] = useState(false);
  const latest = useRef(photos);
  useEffect(() => {
    latest.current = photos;
  }, [photos]);
  useEffect(() => () => latest.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const add = useCallback(async (files: File[]) => {
    const room = MAX_PHOTOS - latest.current.length;
    setOverflow(files.length > room);
    const taken = files.slice(0, Math.max(0, room));
    if (taken.length === 0) return;
    setProcessing(true);
    try {
      const resized = await Promise.all(taken.map(resizePhoto));
      const picked = resized.map((file) => ({ key: nextKey++, file, url: URL.createObjectURL(file) }));
      setPhotos((list) => [...list, ...picked].slice(0, MAX_PHOTOS));
    } finally {
      setProcessing(false);
    }
  }, []);

  const remove = useCallback((key: number) => {
    setOverflow(false);
    setPhotos((list) => {
      list.filter((p) => p.key === key).forEach((p) => URL.revokeObjectURL(p.url));
      return list.filter((p) => p.key !== key);
    });
  }, []);

  const clear = useCallback(() => {
    setOverflow(false);
    setPhotos((list) => {
      list.forEach((p) => URL.revokeObjectURL(p.url));
      return [];
    });
  }, []);

  return { photos, processing, overflow, add, remove, clear };
}

export type PhotoPicks = ReturnType<typeof usePhotoPicks>;

export function PhotoPicker({ picks, disabled }: { picks: PhotoPicks; disabled?: boolean }) {
  const t = useMt();
  const input = useRef<HTMLInputElement>(null);
  const { photos, processing, overflow } = picks;
  return (
    <div>
      <div className="qm-photos" data-testid="checkin-photos">
        {photos.map((photo) => (
          <div className="qm-photo" key={photo.key} data-testid="checkin-photo-thumb">
            <img src={photo.url} alt="" />
            <Button
              className="qm-photo-remove" size="small" shape="circle" icon={<CloseOutlined />}
              aria-label={t('checkin.removePhoto')} onClick={() => picks.remove(photo.key)} disabled={disabled}
              data-testid="checkin-photo-remove"
            />
          </div>
        ))}
        {photos.length < MAX_PHOTOS && (
          <button type="button" className="qm-photo-add" onClick={() => input.current?.click()} disabled={disabled || processing}
            aria-label={t('checkin.addPhoto')} data-testid="checkin-photo-add">
            {processing ? <LoadingOutlined /> : <PlusOutlined />}
            <span style={{ fontSize: 12, marginTop: 4 }}>{processing ? t('checkin.processing') : t('checkin.addPhoto')}</span>
          </button>
        )}
      </div>
      <input
        ref={input} className="qm-file-input" type="file" accept="image/*" multiple tabIndex={-1} aria-hidden
        data-testid="checkin-photos-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          void picks.add(files);
        }}
      />
      {overflow && <Typography.Text type="warning" style={{ fontSize: 13 }}>{t('checkin.tooMany', { max: MAX_PHOTOS })}</Typography.Text>}
    </div>
  );
}
