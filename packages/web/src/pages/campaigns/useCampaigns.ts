// Series and campaigns as the campaigns pages load them.
import { campaignsApi, seriesApi, type CampaignStatus } from '../../api/campaigns';
import { useLoad } from '../../shared/useLoad';

export function useSeries() {
  return useLoad(() => seriesApi.list().then((r) => r.items), []);
}

export function useCampaigns(filter: { seriesId?: number; status?: CampaignStatus }) {
  return useLoad(() => campaignsApi.list(filter).then((r) => r.items), [filter.seriesId, filter.status]);
}
