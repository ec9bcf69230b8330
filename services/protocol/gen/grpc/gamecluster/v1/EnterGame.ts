// Original file: proto/gamecluster/v1/gamecluster.proto


export interface EnterGame {
}

export interface EnterGame__Output {
}
