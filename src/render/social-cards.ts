import type {Config} from '../config/schema.js'
import {socialCard} from '../../templates/social-card.js'
import type {PublishedBrief} from './page-model.js'

/**
 * Where the pictures for sharing (`og:image`) are written: one card per day
 * beside its page, and the site's own card for every other page.
 */
export const SITE_CARD_PATH = 'card.svg'

/** Site-relative path of a day's card: `2026/11/20/card.svg`. */
export const dayCardPath = (folder: string) => `${folder}card.svg`

/** The day's card: its date, title and key figures. */
export function dayCard(item: Pick<PublishedBrief, 'date' | 'title' | 'data'>, config: Pick<Config, 'siteTitle'>): string {
  return socialCard({siteTitle: config.siteTitle, date: item.date, title: item.title, figures: item.data})
}

/** The site's card: its title and description. */
export function siteCard(config: Pick<Config, 'siteTitle' | 'siteDescription'>): string {
  return socialCard({siteTitle: config.siteTitle, title: config.siteDescription || config.siteTitle})
}
