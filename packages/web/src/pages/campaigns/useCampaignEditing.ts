// Saving a campaign from the form (create, edit, edit with an override reason) and archiving it.
import { useCallback } from 'react';
import { campaignsApi, type Campaign } from '../../api/campaigns';
import type { CampaignDraft } from './CampaignFormModal';

export function useCampaignEditing(onSaved: (campaign: Campaign) => void | Promise<void>) {
  const save = useCallback(async (existing: Campaign | null, draft: CampaignDraft, overrideReason?: string) => {
    if (existing) {
      const { seriesId: _series, edition: _edition, ...change } = draft;
      await onSaved(await campaignsApi.update(existing.id, overrideReason ? { ...change, overrideReason } : change));
    } else {
      await onSaved(await campaignsApi.create(draft));
    }
  }, [onSaved]);
  const setArchived = useCallback(async (campaign: Campaign, archived: boolean) => {
    await onSaved(await (archived ? campaignsApi.archive(campaign.id) : campaignsApi.unarchive(campaign.id)));
  }, [onSaved]);
  return { save, setArchived };
}
