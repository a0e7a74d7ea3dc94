// Material for demo data: the kinds of names parents and learners use in Chinese study groups.
export const CHILD_NAMES = ['小明', '乐乐', '果果', '朵朵', '豆豆', '糖糖', '天天', '琪琪', '浩浩', '萱萱', '宝宝', '安安', '可可', '嘟嘟', '睿睿',
  '小雨', '一一', '多多', '欣欣', '轩轩', '辰辰', '悠悠', '甜甜', '航航', '晨晨', '子涵', '梓萱', '俊熙', '诗涵', '雨桐'];
export const RELATIONS = ['妈妈', '爸爸', '姥姥', '奶奶', '妈', '麻麻', '爸', '外婆'];
export const ADULT_NAMES = ['张丽', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴倩', '徐晓', '孙悦', '马琳', '朱军', '胡蝶',
  '郭佳', '何璐', '林夕', '罗娟', '高翔', '梁雪', '宋雯', '郑爽', '谢娜', '韩梅', '唐悦', '冯晨', 'Amy', 'Lily', 'Grace', 'Kevin', 'Sunny'];
export const DECORATIONS = ['🌸', '🍀', '✨', '☀️', '', '', '', '', '', ''];
export const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '长沙', '郑州', '济南'];
export const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
/** Where a name was first seen: the demo's own groups (seed-campaigns.ts names them so) or WeChat itself. */
export const GROUP_CONTEXTS = ['group:X1 打卡1群', 'group:X2 打卡1群', 'group:Y1 共读1群', 'group:Z1 体验1群', 'wechat'];

export const TAG_GROUPS: Array<{ name: string; tags: Array<[string, string]> }> = [
  { name: '身份', tags: [['宝妈', '#eb2f96'], ['宝爸', '#1677ff'], ['老师', '#13c2c2'], ['学生本人', '#52c41a']] },
  { name: '年级', tags: [['一年级', '#faad14'], ['二年级', '#faad14'], ['三年级', '#fa8c16'], ['四年级', '#fa8c16'], ['五年级', '#fa541c'], ['六年级', '#fa541c']] },
  { name: '意向', tags: [['高意向', '#f5222d'], ['中意向', '#fa8c16'], ['低意向', '#8c8c8c'], ['已付费正价课', '#722ed1']] },
  { name: '风险', tags: [['广告号', '#000000'], ['未改群昵称', '#bfbfbf'], ['多次投诉', '#a8071a']] },
];

export const RECORD_TEMPLATES: Array<{ kind: 'note' | 'call' | 'chat_summary'; text: string }> = [
  { kind: 'call', text: '电话回访：孩子{grade}，对单词打卡很感兴趣，家长希望了解正价课时间安排。' },
  { kind: 'note', text: '家长在群里积极回复，连续打卡，适合作为优秀学员分享。' },
  { kind: 'chat_summary', text: '私聊：询问押金退还时间，已说明结营后3个工作日内原路退回。' },
  { kind: 'call', text: '未接通，明天晚上8点后再打。' },
  { kind: 'note', text: '家长表示工作忙，打卡可能中断，已加入提醒名单。' },
  { kind: 'chat_summary', text: '私聊：咨询{grade}数学思维课，发送了体验课链接。' },
  { kind: 'note', text: '在群内发广告链接，已私聊提醒群规。' },
  { kind: 'call', text: '回访满意度：给9分，建议增加周末直播答疑。' },
];
