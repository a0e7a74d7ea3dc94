// Record or edit a problem: title, description, category, tags, where it was met (campaign, group, member number)
// and, when recording, a first scripted answer with the variable picker.
import { useEffect, useMemo, useState } from 'react';
import { Col, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { campaignsApi, type Campaign } from '../../../api/campaigns';
import { groupsApi, type Group } from '../../../api/groups';
import { problemsApi, type Categories, type Problem } from '../../../api/problems';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { FormModal } from '../../../shared/FormModal';
import { categoryTree, type CategoryNode } from './display';
import { ScriptInput } from './ScriptInput';

interface Values {
  title: string;
  description?: string;
  categoryId?: number | null;
  tags?: string[];
  campaignId?: number | null;
  groupId?: number | null;
  memberNo?: number | null;
  answer?: string;
}

interface Props {
  open: boolean;
  problem: Problem | null;
  categories: Categories | null;
  /** Preselected for a new problem (the category being browsed). */
  defaultCategoryId?: number;
  onClose: () => void;
  onSaved: (problem: Problem) => void;
}

interface TreeOption { value: number; title: string; children: TreeOption[] }
const toTreeSelect = (nodes: CategoryNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.value, title: n.title, children: toTreeSelect(n.children) }));

export function ProblemFormModal({ open, problem, categories, defaultCategoryId, onClose, onSaved }: Props) {
  const t = useT();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [groups, setGroups] = useState<Group[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const campaignId = Form.useWatch('campaignId', form);
  const tree = useMemo(() => toTreeSelect(categoryTree(categories?.items ?? [])), [categories]);

  useEffect(() => {
    if (!open) return;
    if (can('campaigns.read')) campaignsApi.list({}).then((r) => setCampaigns(r.items), () => setCampaigns([]));
    problemsApi.tags().then((r) => setTags(r.items.map((x) => x.tag)), () => setTags([]));
  }, [open]);

  // The groups offered are the chosen campaign's (or the first page of all groups when none is chosen).
  useEffect(() => {
    if (!open || !can('groups.read')) return;
    groupsApi.list(campaignId ? { campaignId } : {}, null).then((r) => setGroups(r.items), () => setGroups([]));
  }, [open, campaignId]);

  const submit = async (v: Values) => {
    const common = {
      title: v.title.trim(), description: v.description?.trim() ?? '', categoryId: v.categoryId ?? null, tags: v.tags ?? [],
      campaignId: v.campaignId ?? null, groupId: v.groupId ?? null, memberNo: v.memberNo ?? null,
    };
    if (problem) {
      onSaved(await problemsApi.update(problem.id, common));
    } else {
      const answer = v.answer?.trim();
      onSaved(await problemsApi.create({ ...common, ...(answer ? { answers: [answer] } : {}) }));
    }
  };

  // The problem's own group stays choosable even when it is not on the page of groups loaded.
  const groupOptions = groups.map((g) => ({ value: g.id, label: g.name }));
  if (problem?.group && !groups.some((g) => g.id === problem.group!.id)) groupOptions.unshift({ value: problem.group.id, label: problem.group.name });

  return (
    <FormModal<Values>
      open={open}
      title={problem ? t('ops.problems.edit') : t('ops.problems.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      width={720}
      fieldAlias={{ tags: 'tags', answers: 'answer' }}
      initialValues={problem ? {
        title: problem.title, description: problem.description, categoryId: problem.category?.id ?? null, tags: problem.tags,
        campaignId: problem.campaign?.id ?? null, groupId: problem.group?.id ?? null, memberNo: problem.member?.memberNo ?? null,
      } : { categoryId: defaultCategoryId ?? null, tags: [] }}
    >
      <Form.Item name="title" label={t('ops.problems.field.title')} rules={[{ required: true, whitespace: true, message: t('ops.problems.field.titleRequired') }]}>
        <Input maxLength={200} autoFocus placeholder={t('ops.problems.field.titlePlaceholder')} data-testid="problem-title-input" />
      </Form.Item>
      <Form.Item name="description" label={t('ops.problems.field.description')}>
        <Input.TextArea rows={2} maxLength={5000} data-testid="problem-description-input" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={9}>
          <Form.Item name="categoryId" label={t('ops.problems.field.category')}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={tree} placeholder={t('ops.problems.category.none')} data-testid="problem-category-select" />
          </Form.Item>
        </Col>
        <Col span={15}>
          <Form.Item name="tags" label={t('ops.problems.field.tags')} tooltip={t('ops.problems.field.tagsHelp')}>
            <Select mode="tags" maxCount={20} options={tags.map((tag) => ({ value: tag, label: tag }))} tokenSeparators={[',', '，']} data-testid="problem-tags-select" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={9}>
          <Form.Item name="campaignId" label={t('ops.problems.field.campaign')}>
            <Select
              allowClear showSearch optionFilterProp="label"
              options={campaigns.map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))}
              onChange={() => form.setFieldValue('groupId', null)}
              data-testid="problem-campaign-select"
            />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="groupId" label={t('ops.problems.field.group')}>
            <Select allowClear showSearch optionFilterProp="label" options={groupOptions} data-testid="problem-group-select" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="memberNo" label={t('ops.problems.field.memberNo')} tooltip={t('ops.problems.field.memberNoHelp')}>
            <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} data-testid="problem-member-input" />
          </Form.Item>
        </Col>
      </Row>
      {!problem && (
        <Form.Item name="answer" label={t('ops.problems.field.firstAnswer')} extra={t('ops.problems.field.firstAnswerHelp')}>
          <ScriptInput testId="problem-answer-input" />
        </Form.Item>
      )}
    </FormModal>
  );
}
