// The hub's access model: organisations, accounts, tokens, collections and the rights granted on them.
// The records are declared beside the store interface that keeps them; what is only decided here is declared here.
export type {
  Account, ApiToken, CollectionConfig, CollectionKind, Grant, Organisation, ViewFilter,
} from '../store/access-store.ts';

export interface Rights {
  read: boolean;
  write: boolean;
}
