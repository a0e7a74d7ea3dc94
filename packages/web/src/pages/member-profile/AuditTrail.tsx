// Everything the audit log knows about this member.
import { membersApi } from '../../api/members';
import type { MemberNo } from '../../api/types';
import { AuditTable } from '../../shared/AuditTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useCursorList } from '../../shared/useCursorList';

export function AuditTrail({ memberNo, version }: { memberNo: MemberNo; version: number }) {
  const audit = useCursorList((cursor) => membersApi.audit(memberNo, cursor), [memberNo, version]);
  return (
    <>
      <ErrorAlert error={audit.error} />
      <AuditTable entries={audit.items} loading={audit.loading} hasMore={audit.hasMore} onLoadMore={audit.loadMore} />
    </>
  );
}
