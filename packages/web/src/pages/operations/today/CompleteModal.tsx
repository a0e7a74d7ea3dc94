// Mark a task done, with optional proof: a note, the message link, a screenshot (PNG or JPEG up to 2 MB, checked
// here first and again by the server). Done within the window counts on time; after it, late.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { MAX_PROOF_BYTES, PROOF_TYPES, sopsApi, type Task } from '../../../api/sops';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';

interface Values { proofText?: string; proofLink?: string }

export function CompleteModal({ task, onClose, onDone }: { task: Task | null; onClose: () => void; onDone: (task: Task) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const late = task !== null && Date.now() > Date.parse(task.windowEndAt);

  useEffect(() => {
    setFile(null);
    setFileError(null);
  }, [task]);

  const pick = (f: File) => {
    setFileError(null);
    if (!PROOF_TYPES.includes(f.type)) setFileError(t('ops.sops.complete.wrongType'));
    else if (f.size === 0) setFileError(t('ops.sops.complete.empty'));
    else if (f.size > MAX_PROOF_BYTES) setFileError(t('ops.sops.complete.tooLarge'));
    else setFile(f);
  };

  const submit = async (v: Values) => {
    const proof = { proofText: v.proofText?.trim() || undefined, proofLink: v.proofLink?.trim() || undefined };
    onDone(file ? await sopsApi.completeWithScreenshot(task!.id, file, proof) : await sopsApi.complete(task!.id, proof));
  };

  return (
    <FormModal<Values>
      open={task !== null}
      title={t('ops.sops.complete.title', { title: task?.step.title ?? '' })}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      okText={t('ops.sops.complete.ok')}
      fieldAlias={{ file: 'proofText' }}
    >
      {late && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('ops.sops.complete.lateNote')} />}
      <Form.Item name="proofText" label={t('ops.sops.complete.proofText')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="complete-proof-text" />
      </Form.Item>
      <Form.Item name="proofLink" label={t('ops.sops.complete.proofLink')} rules={[{ type: 'url', message: t('ops.sops.complete.linkInvalid') }]}>
        <Input placeholder="https://" maxLength={500} data-testid="complete-proof-link" />
      </Form.Item>
      <Form.Item label={t('ops.sops.complete.screenshot')} extra={t('ops.sops.complete.screenshotHelp')}>
        <Space direction="vertical">
          <Upload accept={PROOF_TYPES.join(',')} showUploadList={false} beforeUpload={(f) => { pick(f); return false; }}>
            <Button icon={<UploadOutlined />} data-testid="complete-screenshot">{t('ops.sops.complete.pick')}</Button>
          </Upload>
          {file && <Typography.Text data-testid="complete-screenshot-name">{file.name} <Button size="small" type="link" onClick={() => setFile(null)}>{t('common.remove')}</Button></Typography.Text>}
          {fileError && <Typography.Text type="danger">{fileError}</Typography.Text>}
        </Space>
      </Form.Item>
    </FormModal>
  );
}
