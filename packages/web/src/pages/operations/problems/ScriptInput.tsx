// The text of a scripted answer with its variable picker: a click puts {昵称} (or another variable) where the cursor
// is, so nobody types a variable the server would refuse.
import { useRef } from 'react';
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { VARIABLES, type VariableName } from '../../../api/problems';
import { useT } from '../../../i18n/useT';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
}

export function ScriptInput({ value = '', onChange, testId }: Props) {
  const t = useT();
  const ref = useRef<TextAreaRef>(null);

  const insert = (name: VariableName) => {
    const area = ref.current?.resizableTextArea?.textArea;
    const token = `{${name}}`;
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    onChange?.(value.slice(0, start) + token + value.slice(end));
    // After React has put the new value in, the cursor goes right after the inserted variable.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Input.TextArea ref={ref} rows={5} maxLength={5000} value={value} onChange={(e) => onChange?.(e.target.value)} data-testid={testId} />
      <Space size={[4, 4]} wrap data-testid="variable-picker">
        <Typography.Text type="secondary">{t('ops.problems.variables.insert')}</Typography.Text>
        {VARIABLES.map((name) => (
          <Tooltip key={name} title={t(`ops.problems.variables.help.${name}`)}>
            <Button size="small" onClick={() => insert(name)} data-testid={`variable-${name}`}>{`{${name}}`}</Button>
          </Tooltip>
        ))}
      </Space>
    </Space>
  );
}
