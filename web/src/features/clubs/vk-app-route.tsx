import { VkAppPage } from './vk-app-page';

/** The VK Mini App «Запись в кружок» (/vk-app?<VK launch parameters>). */
export function Component() {
  return <VkAppPage />;
}
