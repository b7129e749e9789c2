/** Human names (zh-CN and English) of what a reference of a given container and property points to. */
export function referenceTargetNames(containerType: string, property: string): { target: string; targetEn: string } {
  if (containerType === 'AxisItem') {
    return { target: '行、列或量词变量', targetEn: 'row, column or quantifier variable' };
  }
  if (property === 'tables' || property === 'table') {
    return { target: '表格', targetEn: 'table' };
  }
  if (property === 'sections' || property === 'section') {
    return { target: '章节', targetEn: 'section' };
  }
  return { target: '元素', targetEn: 'element' };
}
