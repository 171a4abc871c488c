import type { IAdaptiveCard, IExecuteAction, IOpenUrlAction, ITextBlock } from '@microsoft/teams.cards';

/**
 * Shared pieces of every card. Cards are plain JSON values typed with the Teams SDK's card
 * interfaces (`@microsoft/teams.cards`), so tests compare them as data and the bot sends them as is.
 * Version 1.5 is the highest Teams renders for bot cards; Universal Actions (Action.Execute) need 1.4+.
 */
export const CARD_VERSION = '1.5' as const;

export type Card = IAdaptiveCard;
export type CardElement = NonNullable<IAdaptiveCard['body']>[number];

export function card(body: CardElement[], extra: Partial<IAdaptiveCard> = {}): Card {
  const value: Card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    ...extra,
    body,
    // Full width reads better for lists of goals in a channel. Teams documents "Full"; the SDK's
    // type spells it in lower case, so the documented spelling is cast.
    msteams: { width: 'Full' as 'full' },
  };
  return value;
}

export function text(value: string, opts: Partial<ITextBlock> = {}): ITextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...opts };
}

export function heading(value: string): ITextBlock {
  return text(value, { size: 'Large', weight: 'Bolder', style: 'heading' } as Partial<ITextBlock>);
}

export function execute(title: string, verb: string, data: Record<string, unknown>, opts: Partial<IExecuteAction> = {}): IExecuteAction {
  return { type: 'Action.Execute', title, verb, data, ...opts };
}

export function openUrl(title: string, url: string): IOpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}
