// /ops/problems/:id — one problem: what it is and where it was met, and its scripted answers, each with its reuse
// and "copy for a member"; with problems.write: edit, archive, delete, and write or change answers.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CopyOutlined, DeleteOutlined, EditOutlined, InboxOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { problemsApi, type Answer, type Problem } from '../../../api/problems';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { MetricTitle } from '../../../shared/MetricTitle';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { AnswerFormModal } from './AnswerFormModal';
import { CopyForMemberModal } from './CopyForMemberModal';
import { StatusTag, WhereMet } from './display';
import { ProblemFormModal } from './ProblemFormModal';

export function ProblemDetailPage() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { can } = useSession();
  const id = Number(useParams().id);
  const problem = useLoad(() => problemsApi.get(id), [id]);
  const categories = useLoad(() => problemsApi.categories(), []);
  const [editing, setEditing] = useState(false);
  const [answerEditing, setAnswerEditing] = useState<Answer | 'new' | null>(null);
  const [copying, setCopying] = useState<Answer | null>(null);
  const canWrite = can('problems.write');
  const p = problem.data;

  const act = async (work: () => Promise<Problem | void>, done?: string) => {
    try {
      const next = await work();
      if (next) problem.setData(next);
      else await problem.reload();
      if (done) notify.success(done);
    } catch (e) {
      notify.error(e);
    }
  };

  const removeProblem = (target: Problem) => modal.confirm({
    title: t('ops.problems.deleteTitle', { title: target.title }),
    content: t('ops.problems.deleteHelp'),
    okText: t('common.delete'),
    okButtonProps: { danger: true },
    onOk: async () => {
      try {
        await problemsApi.remove(target.id);
        notify.success(t('common.deleted'));
        navigate('/ops/problems');
      } catch (e) {
        notify.error(e);
      }
    },
  });

  const removeAnswer = (answer: Answer) => modal.confirm({
    title: t('ops.problems.answer.deleteTitle'),
    content: t('ops.problems.answer.deleteHelp', { count: answer.useCount }),
    okText: t('common.delete'),
    okButtonProps: { danger: true },
    onOk: () => act(async () => { await problemsApi.removeAnswer(answer.id); }, t('common.deleted')),
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Link to="/ops/problems"><ArrowLeftOutlined /> {t('ops.problems.back')}</Link>
      <ErrorAlert error={problem.error} />
      {p && (
        <>
          <Card
            title={<Space wrap><span data-testid="problem-title">{p.title}</span><StatusTag status={p.status} t={t} /></Space>}
            extra={canWrite && (
              <Space>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="problem-edit">{t('common.edit')}</Button>
                {p.status === 'archived'
                  ? <Button icon={<UndoOutlined />} onClick={() => act(() => problemsApi.update(p.id, { archived: false }), t('ops.problems.unarchived'))} data-testid="problem-unarchive">{t('ops.problems.unarchive')}</Button>
                  : <Button icon={<InboxOutlined />} onClick={() => act(() => problemsApi.update(p.id, { archived: true }), t('ops.problems.archived'))} data-testid="problem-archive">{t('ops.problems.archive')}</Button>}
                <Button danger icon={<DeleteOutlined />} onClick={() => removeProblem(p)} data-testid="problem-delete">{t('common.delete')}</Button>
              </Space>
            )}
          >
            <Descriptions column={2} size="small">
              <Descriptions.Item label={t('ops.problems.field.description')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{p.description || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('ops.problems.field.category')}>{p.category?.name ?? t('ops.problems.category.none')}</Descriptions.Item>
              <Descriptions.Item label={t('ops.problems.field.tags')}>
                {p.tags.length ? p.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('ops.problems.field.where')} span={2}><WhereMet problem={p} t={t} /></Descriptions.Item>
              <Descriptions.Item label={t('ops.problems.field.createdBy')}>{p.createdBy?.displayName ?? '—'} · {formatTime(p.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('ops.problems.field.updatedAt')}>{formatTime(p.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={<MetricTitle title={t('ops.problems.answers', { count: p.answers.length })} definition={t('ops.problems.useCountHelp')} />}
            extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAnswerEditing('new')} data-testid="answer-add">{t('ops.problems.answer.add')}</Button>}
          >
            {p.answers.length === 0 && <Empty description={t('ops.problems.answer.none')} />}
            <Space direction="vertical" style={{ width: '100%' }} size={12}>
              {p.answers.map((a, i) => (
                <Card key={a.id} size="small" type="inner" data-testid="answer-card"
                  title={t('ops.problems.answer.numbered', { n: i + 1 })}
                  extra={(
                    <Space>
                      {canWrite && (
                        <Button type="primary" size="small" icon={<CopyOutlined />} onClick={() => setCopying(a)} data-testid="answer-copy-open">
                          {t('ops.problems.copy.open')}
                        </Button>
                      )}
                      {canWrite && <Button size="small" onClick={() => setAnswerEditing(a)} data-testid="answer-edit">{t('common.edit')}</Button>}
                      {canWrite && <Button size="small" danger onClick={() => removeAnswer(a)} data-testid="answer-delete">{t('common.delete')}</Button>}
                    </Space>
                  )}
                >
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="answer-content">{a.content}</Typography.Paragraph>
                  <Space size={32} wrap align="end">
                    <Statistic
                      title={<MetricTitle title={t('ops.problems.useCount')} definition={t('ops.problems.answerUseCountHelp')} />}
                      value={a.useCount}
                      styles={{ content: { fontSize: 20 } }}
                      data-testid="answer-use-count"
                    />
                    <Typography.Text type="secondary">{t('ops.problems.lastUsedAt')}：{formatTime(a.lastUsedAt)}</Typography.Text>
                    <Typography.Text type="secondary">{a.createdBy?.displayName ?? '—'} · {formatTime(a.updatedAt)}</Typography.Text>
                    {a.variables.length > 0 && (
                      <Space size={4} wrap>
                        <Typography.Text type="secondary">{t('ops.problems.answer.variables')}</Typography.Text>
                        {a.variables.map((v) => <Tag key={v} color="blue">{`{${v}}`}</Tag>)}
                      </Space>
                    )}
                  </Space>
                </Card>
              ))}
            </Space>
          </Card>
          <ProblemFormModal
            open={editing}
            problem={p}
            categories={categories.data}
            onClose={() => setEditing(false)}
            onSaved={(next) => { setEditing(false); notify.saved(); problem.setData(next); }}
          />
          <AnswerFormModal
            open={answerEditing !== null}
            problemId={p.id}
            answer={answerEditing === 'new' ? null : answerEditing}
            onClose={() => setAnswerEditing(null)}
            onSaved={() => { setAnswerEditing(null); notify.saved(); void problem.reload(); }}
          />
          <CopyForMemberModal
            answer={copying}
            campaign={p.campaign}
            onClose={() => setCopying(null)}
            onUsed={() => { setCopying(null); void problem.reload(); }}
          />
        </>
      )}
    </Space>
  );
}
