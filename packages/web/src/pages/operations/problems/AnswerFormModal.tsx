// Write or change a scripted answer: its text with the variable picker; an unknown variable comes back from the
// server under the text, naming it.
import { Form } from 'antd';
import { problemsApi, type Answer } from '../../../api/problems';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';
import { ScriptInput } from './ScriptInput';

interface Props {
  open: boolean;
  problemId: number;
  answer: Answer | null;
  onClose: () => void;
  onSaved: (answer: Answer) => void;
}

export function AnswerFormModal({ open, problemId, answer, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ content: string }>();

  const submit = async ({ content }: { content: string }) => {
    const text = content.trim();
    onSaved(answer ? await problemsApi.updateAnswer(answer.id, text) : await problemsApi.addAnswer(problemId, text));
  };

  return (
    <FormModal<{ content: string }>
      open={open}
      title={answer ? t('ops.problems.answer.edit') : t('ops.problems.answer.add')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      width={720}
      initialValues={{ content: answer?.content ?? '' }}
    >
      <Form.Item name="content" label={t('ops.problems.answer.content')} extra={t('ops.problems.answer.contentHelp')}
        rules={[{ required: true, whitespace: true, message: t('ops.problems.answer.contentRequired') }]}>
        <ScriptInput testId="answer-content-input" />
      </Form.Item>
    </FormModal>
  );
}
