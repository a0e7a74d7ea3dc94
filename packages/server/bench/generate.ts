// The benchmark's member file: N members as an operator's export would look (Chinese group nicknames, phones,
// WeChat ids, tags, a few attributes), seeded so every run and machine gets the same file. Also keeps samples
// of what to search for: unionids, and nickname fragments that are common or rare.
import fs from 'node:fs';
import { once } from 'node:events';
import { ADULT_NAMES, CHILD_NAMES, CITIES, DECORATIONS, GRADES, RELATIONS } from '../src/demo/names.js';
import { SeededRandom, phoneNumber } from '../src/demo/random.js';
import { csvLine, UTF8_BOM } from '../src/members/csv.js';

// Adults who use their own name: common surnames and given-name characters, so most two- and three-character
// fragments of these names are rare while "妈妈" or "乐乐" match a large share of a workspace.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志刚宇浩然子轩梓涵一诺欣怡诗雨佳琪思远俊杰嘉怡雅婷晨阳博文天佑若曦语桐梦瑶心怡紫萱雨泽铭轩';
const TAGS = ['宝妈', '宝爸', '高意向', '中意向', '低意向', '已付费正价课', '老带新', '体验课', '未改群昵称'];
const SOURCES = ['公众号推文', '朋友圈海报', '老带新', '视频号直播'];

export interface GeneratedFile {
  file: string;
  members: number;
  /** A sample of unionids in the file (lookup by identity). */
  unionids: string[];
  /** Fragments to search: present in many nicknames, or in a few. */
  fragments: { common2: string[]; common3: string[]; rare2: string[]; rare3: string[] };
}

const SAMPLE = 2000;

export async function generateMembersCsv(file: string, members: number, seed = 20260101): Promise<GeneratedFile> {
  const rng = new SeededRandom(seed);
  const out = fs.createWriteStream(file);
  const unionids: string[] = [];
  const rare2: string[] = [];
  const rare3: string[] = [];
  const sample = (list: string[], value: string, seen: number) => {
    // Reservoir sampling: an even sample over the whole file without holding the file.
    if (list.length < SAMPLE) list.push(value);
    else if (rng.int(seen) < SAMPLE) list[rng.int(SAMPLE)] = value;
  };
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  let buffer = UTF8_BOM + csvLine(['昵称', '手机', 'unionid', 'openid', '标签', '城市', '孩子年级', '来源', '创建时间']);
  for (let i = 1; i <= members; i++) {
    let nickname: string;
    const kind = rng.next();
    if (kind < 0.5) {
      nickname = `${rng.pick(CHILD_NAMES)}${rng.pick(RELATIONS)}`;
      if (rng.chance(0.2)) nickname = `${rng.pick(GRADES)}${nickname}`;
    } else if (kind < 0.65) {
      nickname = rng.pick(ADULT_NAMES);
      if (rng.chance(0.5)) nickname = `${rng.pick(CITIES)}-${nickname}`;
    } else {
      const given = GIVEN[rng.int(GIVEN.length)]! + (rng.chance(0.7) ? GIVEN[rng.int(GIVEN.length)]! : '');
      const name = SURNAMES[rng.int(SURNAMES.length)]! + given;
      nickname = name;
      if (name.length >= 3) {
        sample(rare3, name, i);
        sample(rare2, name.slice(1, 3), i);
      }
    }
    if (rng.chance(0.1)) nickname += String(rng.int(100));
    nickname += rng.pick(DECORATIONS);
    const unionid = rng.chance(0.92) ? `o6_${rng.hex(24)}` : '';
    if (unionid) sample(unionids, unionid, i);
    const tags = rng.chance(0.4) ? [rng.pick(TAGS), ...(rng.chance(0.3) ? [rng.pick(TAGS)] : [])] : [];
    buffer += csvLine([
      nickname,
      rng.chance(0.6) ? phoneNumber(rng) : '',
      unionid,
      rng.chance(0.35) ? `oX${rng.hex(26)}` : '',
      [...new Set(tags)].join('、'),
      rng.pick(CITIES),
      rng.pick(GRADES),
      rng.chance(0.3) ? rng.pick(SOURCES) : '',
      new Date(start + Math.floor((span * i) / members)).toISOString(),
    ]);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return {
    file, members, unionids,
    fragments: { common2: ['妈妈', '乐乐', '小明', '爸爸', '果果'], common3: ['小明妈', '乐乐妈', '果果爸', '一年级', '朵朵妈'], rare2, rare3 },
  };
}
