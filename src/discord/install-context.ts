// Where an interaction comes from when the app is also user-installed: the bot's own server, a server that never
// added the bot (a member's user install), the DM with the bot, or a DM / group DM between people.
import { type BaseInteraction, InteractionContextType } from 'discord.js';

/**
 * True in a server that has not added the bot. Its members and moderators did not invite it, and Discord itself
 * makes a user-installed app's answers there private in larger servers: answer only the person who asked,
 * whatever the server's size. In the bot's server and in DMs the answer is public as usual.
 */
export function answersPrivately(i: BaseInteraction): boolean {
  return i.context === InteractionContextType.Guild && i.authorizingIntegrationOwners.guildId !== i.guildId;
}
