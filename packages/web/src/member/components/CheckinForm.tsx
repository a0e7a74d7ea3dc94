// The check-in form (text and photos) for today, or for a missed day as a make-up (补卡). Sends multipart when
// photos are picked; server refusals land on the field they name, or above the form.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { MemberApiError, isSigninRequired, memberApi } from '../api';
import { useMt, type MemberKey } from '../i18n';
import type { MemberCheckin } from '../types';
import { MAX_PHOTOS, PhotoPicker, usePhotoPicks } from './PhotoPicker';

const MAX_TEXT = 2000;

const CHECKIN_ERRORS: Record<string, MemberKey> = {
  'checkin.not_started': 'error.checkin.not_started',
  'checkin.ended': 'error.checkin.ended',
  'checkin.cancelled': 'error.checkin.cancelled',
  'checkin.makeup_not_allowed': 'error.checkin.makeup_not_allowed',
  'checkin.makeup_window': 'error.checkin.makeup_window',
  'checkin.makeup_quota': 'error.checkin.makeup_quota',
  'checkin.makeup_exists': 'error.checkin.makeup_exists',
};

const PHOTO_ERRORS: Record<string, MemberKey> = {
  'upload.empty': 'error.upload.empty',
  'upload.too_large': 'error.upload.too_large',
  'upload.not_an_image': 'error.upload.not_an_image',
};

interface Props {
  campaignKey: string;
  /** Set for a make-up of a past day. */
  day?: number;
  existing: MemberCheckin | null;
  onSaved: (checkin: MemberCheckin, created: boolean) => void;
}

export function CheckinForm({ campaignKey, day, existing, onSaved }: Props) {
  const t = useMt();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const picks = usePhotoPicks();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);

  async function submit({ text = '' }: { text?: string }) {
    setFormError(null);
    setPhotoError(null);
    if (!text.trim() && picks.photos.length === 0 && !(existing && existing.photos.length > 0)) {
      form.setFields([{ name: 'text', errors: [t('checkin.textRequired')] }]);
      return;
    }
    setBusy(true);
    try {
      const saved = await memberApi.checkin(campaignKey, { text: text.trim(), day, photos: picks.photos.map((p) => p.file) });
      picks.clear();
      const created = existing === null;
      message.success(day !== undefined ? t('makeup.saved') : created ? t('checkin.saved') : t('checkin.updated'));
      onSaved(saved, created);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  function showError(error: unknown) {
    if (!(error instanceof MemberApiError)) {
      setFormError(String(error));
      return;
    }
    const textError = error.fields.text;
    const photoErrors = Object.entries(error.fields).filter(([field]) => field === 'photos' || field.startsWith('photos.'));
    const others = Object.entries(error.fields).filter(([field]) => field !== 'text' && field !== 'photos' && !field.startsWith('photos.'));
    if (textError) form.setFields([{ name: 'text', errors: [textError] }]);
    const photoKnown = PHOTO_ERRORS[error.code];
    if (photoErrors.length) setPhotoError(photoKnown ? t(photoKnown) : photoErrors.map(([, m]) => m).join('; '));
    const known = CHECKIN_ERRORS[error.code];
    if (known) setFormError(t(known));
    else if (isSigninRequired(error)) setFormError(`${t('state.signinRequired.title')}: ${t('state.signinRequired.text')}`);
    else if (error.code === 'network.unreachable') setFormError(t('state.network'));
    else if (others.length) setFormError(others.map(([, m]) => m).join('; '));
    else if (!textError && !photoErrors.length) setFormError(error.message);
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ text: existing?.text ?? '' }} requiredMark={false}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="checkin-error" />}
      <Form.Item name="text" label={t('checkin.text')} rules={[{ max: MAX_TEXT, message: t('checkin.textTooLong') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={MAX_TEXT} placeholder={t('checkin.textPlaceholder')} data-testid="checkin-text" />
      </Form.Item>
      <Form.Item label={t('checkin.photos', { max: MAX_PHOTOS })} validateStatus={photoError ? 'error' : undefined} help={photoError ?? undefined}>
        {existing && existing.photos.length > 0 && picks.photos.length === 0 && (
          <div style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('checkin.currentPhotos')}</Typography.Text>
            <div className="qm-photos" style={{ marginTop: 4 }} data-testid="checkin-saved-photos">
              {existing.photos.map((photo) => (
                <div className="qm-photo" key={photo.id}><img src={photo.url} alt="" /></div>
              ))}
            </div>
          </div>
        )}
        <PhotoPicker picks={picks} disabled={busy} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={picks.processing} data-testid="checkin-submit">
        {day !== undefined ? t('makeup.submit') : existing ? t('checkin.update') : t('checkin.submit')}
      </Button>
    </Form>
  );
}
