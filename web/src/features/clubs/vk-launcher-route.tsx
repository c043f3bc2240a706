import { VkLauncherPage } from './vk-launcher-page';

/** Demo «VK launcher» (/vk-launcher). */
export function Component() {
  return <VkLauncherPage />;
}
